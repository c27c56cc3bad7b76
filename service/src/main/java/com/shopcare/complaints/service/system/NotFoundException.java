package com.shopcare.complaints.service.system;

/** A draft, version or file that does not exist; the message says which, for the 404 problem. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
