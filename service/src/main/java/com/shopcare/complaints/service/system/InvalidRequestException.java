package com.shopcare.complaints.service.system;

import com.shopcare.complaints.api.model.FieldError;

import java.util.List;

/** A request that is well-formed JSON but breaks a rule of the API contract; names every offending field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
