package com.shopcare.complaints.service.system;

/** The policy store cannot take this read or write now; nothing was changed. Answered 503, or 507 when it is full. */
public class StoreUnavailableException extends RuntimeException {

    /** Why, each with its own problem type, so that an operator's alert can tell them apart. */
    public enum Reason {
        /** Its active pointer is damaged: an operator must activate a version first. */
        DAMAGED("policy-store-damaged", 503, "The policy store needs an operator"),
        /** The database or the volume cannot be reached, or is read-only. */
        UNREACHABLE("policy-store-unavailable", 503, "The policy store cannot be reached"),
        /** No room left on its disk or in its database. */
        FULL("policy-store-full", 507, "The policy store is full");

        final String type;
        final int status;
        final String title;

        Reason(String type, int status, String title) {
            this.type = type;
            this.status = status;
            this.title = title;
        }
    }

    private final Reason reason;

    public StoreUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
