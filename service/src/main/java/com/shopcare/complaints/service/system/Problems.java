package com.shopcare.complaints.service.system;

import com.shopcare.complaints.api.model.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** The problem details this service answers with (RFC 9457), in one place so every path says the same thing. */
public final class Problems {

    private static final String TYPE_PREFIX = "https://shopcare.example/problems/";

    private Problems() {
    }

    /**
     * The most offending fields one answer names: a body of 64 KiB can hold thousands of unknown fields, and naming
     * each would make the answer ten times the request (issue 21). The rest are counted.
     */
    static final int MAX_LISTED_ERRORS = 20;

    static ProblemDetail invalidRequest(List<FieldError> errors) {
        int notListed = errors.size() - MAX_LISTED_ERRORS;
        if (notListed > 0) {
            errors = new java.util.ArrayList<>(errors.subList(0, MAX_LISTED_ERRORS));
            errors.add(new FieldError("$", notListed + " more invalid field(s) not listed; correct these first"));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(FieldError::getField).distinct()
                        .collect(Collectors.joining(", ", "Invalid field(s): ", "")));
        problem.setType(URI.create(TYPE_PREFIX + "invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail payloadTooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes.");
        problem.setType(URI.create(TYPE_PREFIX + "payload-too-large"));
        problem.setTitle("Request body too large");
        return problem;
    }

    static ProblemDetail bodyTooSlow(java.time.Duration budget) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT,
                "The request body did not arrive within " + budget.toMillis() + " ms of its headers.");
        problem.setType(URI.create(TYPE_PREFIX + "request-timeout"));
        problem.setTitle("Request not received in time");
        return problem;
    }

    static ProblemDetail tooManySlowBodies() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many requests are sending their body slowly right now; send the body at once, or retry later.");
        problem.setType(URI.create(TYPE_PREFIX + "too-many-slow-requests"));
        problem.setTitle("Too many slow requests");
        return problem;
    }

    static ProblemDetail tooManyFromOneAddress(int limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "This client address already has " + limit + " requests in progress; wait for one to finish.");
        problem.setType(URI.create(TYPE_PREFIX + "too-many-concurrent-requests"));
        problem.setTitle("Too many requests at once");
        return problem;
    }

    public static ProblemDetail unauthorized() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Send a valid key as 'Authorization: Bearer <key>'.");
        problem.setType(URI.create(TYPE_PREFIX + "unauthorized"));
        problem.setTitle("Not authenticated");
        return problem;
    }

    public static ProblemDetail forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(URI.create(TYPE_PREFIX + "forbidden"));
        problem.setTitle("Not allowed");
        return problem;
    }

    public static ProblemDetail rateLimited(String shop, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Shop '" + shop + "' has used up its rate limit; retry in " + retryAfterSeconds + " s.");
        problem.setType(URI.create(TYPE_PREFIX + "rate-limited"));
        problem.setTitle("Too many requests");
        return problem;
    }

    static ProblemDetail notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create(TYPE_PREFIX + "not-found"));
        problem.setTitle("Not found");
        return problem;
    }

    static ProblemDetail checkFailed(CheckFailedException failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(failure.status()), failure.getMessage());
        if (failure.activeMoved()) {
            problem.setType(URI.create(TYPE_PREFIX + "active-version-moved"));
            problem.setTitle("Another version became active first");
        } else {
            problem.setType(URI.create(TYPE_PREFIX + "policy-check-failed"));
            problem.setTitle("The policy check found errors");
        }
        problem.setProperty("draftId", failure.draftId());
        problem.setProperty("checkErrors", failure.errors());
        return problem;
    }

    static ProblemDetail pinRefused(int status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + (status == 429 ? "too-many-pinned-versions" : "version-not-ready")));
        problem.setTitle(status == 429 ? "Too many versions pinned" : "Version not ready");
        return problem;
    }

    static ProblemDetail storeUnavailable(StoreUnavailableException unavailable) {
        StoreUnavailableException.Reason reason = unavailable.reason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(reason.status),
                unavailable.getMessage() + ".");
        problem.setType(URI.create(TYPE_PREFIX + reason.type));
        problem.setTitle(reason.title);
        return problem;
    }

    /** An error the servlet container raised itself, known by its status alone (/error, or before any filter). */
    static ProblemDetail containerError(HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
            case REQUEST_TIMEOUT -> "The request was not received in time.";
            case INTERNAL_SERVER_ERROR -> "The request could not be handled. Please retry later.";
            default -> status.getReasonPhrase() + ".";
        });
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    static ProblemDetail internalError() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The decision could not be made. The error has been logged; please retry later.");
        problem.setType(URI.create(TYPE_PREFIX + "internal-error"));
        problem.setTitle("Internal error");
        return problem;
    }
}
