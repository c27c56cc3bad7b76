package com.shopcare.complaints.service.system;

/** A pinned version the instance will not serve now: too many compilations asked for, or one still running. */
public class PinRefusedException extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    /** @param status 429 (the shop's allowance of compilations is used up) or 503 (not compiled yet, retry) */
    public PinRefusedException(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
