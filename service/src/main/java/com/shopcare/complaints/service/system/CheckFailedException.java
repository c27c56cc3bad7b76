package com.shopcare.complaints.service.system;

import java.util.List;

/**
 * A draft that cannot go live. Either its check report has errors: 422 when the draft is made (the draft is kept,
 * its report can be read), 409 when it is published; or another version became active after the draft was made: 409.
 * The problem lists the reasons.
 */
public class CheckFailedException extends RuntimeException {

    private final int status;
    private final boolean activeMoved;
    private final String draftId;
    private final List<String> errors;

    private CheckFailedException(int status, String message, String draftId, List<String> errors) {
        this(status, false, message, draftId, errors);
    }

    private CheckFailedException(int status, boolean activeMoved, String message, String draftId, List<String> errors) {
        super(message);
        this.status = status;
        this.activeMoved = activeMoved;
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

    /** 409: the draft's version is no longer the active one (another publish or a rollback came first). */
    public static CheckFailedException activeMoved(String draftId, String basedOn, String active) {
        return new CheckFailedException(409, true, "The draft " + draftId + " is based on version " + basedOn + ", but "
                + active + " has been activated since; make a new draft from " + active + ".", draftId,
                List.of("the draft is based on version " + basedOn + ", but " + active + " is active now; make a new draft"));
    }

    /** True when the draft was refused because another version became active, not for its check report. */
    public boolean activeMoved() {
        return activeMoved;
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
