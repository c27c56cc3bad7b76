package com.shopcare.complaints.engine;

/** A policy that compiled but failed on a complaint: a defect in the tables, never the caller's fault. */
public class PolicyEvaluationException extends RuntimeException {

    public PolicyEvaluationException(String message) {
        super(message);
    }
}
