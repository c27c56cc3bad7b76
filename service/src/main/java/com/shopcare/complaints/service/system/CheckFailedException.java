package com.shopcare.complaints.service.system;

import java.util.List;

/**
 * A draft whose check report has errors: 422 when the draft is made (the draft is kept, its report can be read), 409
 * when it is published. The problem lists the report's errors.
 */
public class CheckFailedException extends RuntimeException {

    private final int status;
    private final String draftId;
    private final List<String> errors;

    private CheckFailedException(int status, String message, String draftId, List<String> errors) {
        super(message);
        this.status = status;
        this.draftId = draftId;
        this.errors = List.copyOf(errors);
    }

    public static CheckFailedException draftHasErrors(String draftId, List<String> errors) {
        return new CheckFailedException(422, "The draft " + draftId + " has " + errors.size()
                + " error(s) and cannot be published; GET /v1/policy/drafts/" + draftId + " shows the whole report.",
                draftId, errors);
    }

    public static CheckFailedException publishRefused(String draftId, List<String> errors) {
        return new CheckFailedException(409, "The draft " + draftId + " has " + errors.size()
                + " error(s) in its check report; fix the tables and make a new draft.", draftId, errors);
    }

    public int status() {
        return status;
    }

    public String draftId() {
        return draftId;
    }

    public List<String> errors() {
        return errors;
    }
}
