package com.shopcare.complaints.scenarios;

/** One term of an example whose expected value the decision did not have. */
public record Mismatch(String term, String expected, String actual) {

    @Override
    public String toString() {
        return term + ": expected " + expected + " but was " + actual;
    }
}
