package com.shopcare.complaints.service.system;

import org.springframework.http.ProblemDetail;

import java.io.IOException;

/**
 * Thrown while a request body is read, when the body is refused part-way: larger than the limit, too slow to
 * arrive, or slow while too many others are. An IOException, because it surfaces from the stream the JSON reader
 * and the multipart parser read; the problem handler finds it among the causes and answers its problem.
 */
class RefusedBodyException extends IOException {

    private final transient ProblemDetail problem;

    RefusedBodyException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    ProblemDetail problem() {
        return problem;
    }

    /** The refusal among the causes of a failed read, or null. */
    static ProblemDetail findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RefusedBodyException refused) {
                return refused.problem();
            }
        }
        return null;
    }
}
