package com.shopcare.complaints.service.system;

/** The policy store cannot take this write now (its active pointer is damaged); an operator must act first. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }
}
