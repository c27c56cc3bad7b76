package com.shopcare.complaints.service.system;

import java.io.IOException;

/** Thrown while reading a request body that turns out to be larger than the limit. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
