package com.shopcare.complaints.service.system;

import java.util.List;

/**
 * A draft that cannot go live, or cannot be approved. Either its check report has errors: 422 when the draft is made
 * (the draft is kept, its report can be read), 409 when it is published or approved; or another version became
 * active after the draft was made; or the four-eyes rule refuses it: 409. The problem lists the reasons.
 */
public class CheckFailedException extends RuntimeException {

    /** Why, as the problem's type and title say it. */
    public enum Reason {
        CHECK_FAILED("policy-check-failed", "The policy check found errors"),
        ACTIVE_MOVED("active-version-moved", "Another version became active first"),
        APPROVAL_REQUIRED("approval-required", "Another admin must approve the draft first"),
        OWN_DRAFT("own-draft", "An admin cannot approve their own draft"),
        ALREADY_APPROVED("already-approved", "The draft is approved already");

        private final String type;
        private final String title;

        Reason(String type, String title) {
            this.type = type;
            this.title = title;
        }

        public String type() {
            return type;
        }

        public String title() {
            return title;
        }
    }

    private final int status;
    private final Reason reason;
    private final String draftId;
    private final List<String> errors;

    private CheckFailedException(int status, Reason reason, String message, String draftId, List<String> errors) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.draftId = draftId;
        this.errors = List.copyOf(errors);
    }

    public static CheckFailedException draftHasErrors(String draftId, List<String> errors) {
        return new CheckFailedException(422, Reason.CHECK_FAILED, "The draft " + draftId + " has " + errors.size()
                + " error(s) and cannot be published; GET /v1/policy/drafts/" + draftId + " shows the whole report.",
                draftId, errors);
    }

    public static CheckFailedException publishRefused(String draftId, List<String> errors) {
        return new CheckFailedException(409, Reason.CHECK_FAILED, "The draft " + draftId + " has " + errors.size()
                + " error(s) in its check report; fix the files and make a new draft.", draftId, errors);
    }

    public static CheckFailedException approvalRefused(String draftId, List<String> errors) {
        return new CheckFailedException(409, Reason.CHECK_FAILED, "The draft " + draftId + " has " + errors.size()
                + " error(s) in its check report, so there is nothing to approve; fix the files and make a new draft.",
                draftId, errors);
    }

    /** 409: the draft's tables do not compile, so nothing can be decided under it. */
    public static CheckFailedException cannotDecide(String draftId, List<String> errors) {
        return new CheckFailedException(409, Reason.CHECK_FAILED, "The tables of draft " + draftId
                + " do not compile, so it decides nothing; GET /v1/policy/drafts/" + draftId + " shows why.",
                draftId, errors);
    }

    /** 409: the draft's version is no longer the active one (another publish or a rollback came first). */
    public static CheckFailedException activeMoved(String draftId, String basedOn, String active) {
        return new CheckFailedException(409, Reason.ACTIVE_MOVED, "The draft " + draftId + " is based on version "
                + basedOn + ", but " + active + " has been activated since; make a new draft from " + active + ".",
                draftId, List.of("the draft is based on version " + basedOn + ", but " + active
                        + " is active now; make a new draft"));
    }

    /** 409: approvals are required and the draft has none. */
    public static CheckFailedException approvalRequired(String draftId, String author) {
        String reason = "the draft has no approval; an admin other than its author (" + author
                + ") approves it with POST /v1/policy/drafts/" + draftId + "/approvals";
        return new CheckFailedException(409, Reason.APPROVAL_REQUIRED, "The draft " + draftId
                + " cannot be published yet: " + reason + ".", draftId, List.of(reason));
    }

    /** 409: the author of a draft asked to approve it. */
    public static CheckFailedException ownDraft(String draftId, String author) {
        String reason = "the draft was made by " + author + ", who cannot also approve it; another admin must";
        return new CheckFailedException(409, Reason.OWN_DRAFT, "The draft " + draftId + " cannot be approved: "
                + reason + ".", draftId, List.of(reason));
    }

    /** 409: a second approval of an approved draft. */
    public static CheckFailedException alreadyApproved(String draftId, String approver) {
        String reason = "the draft was approved by " + approver + " already";
        return new CheckFailedException(409, Reason.ALREADY_APPROVED, "The draft " + draftId + " cannot be approved: "
                + reason + ".", draftId, List.of(reason));
    }

    public Reason reason() {
        return reason;
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
