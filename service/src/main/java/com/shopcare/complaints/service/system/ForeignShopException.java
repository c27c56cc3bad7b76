package com.shopcare.complaints.service.system;

/** A request about a shop other than the one the caller's key or token belongs to. */
public class ForeignShopException extends RuntimeException {

    public ForeignShopException(String message) {
        super(message);
    }
}
