package com.shopcare.complaints.scenarios;

/** A term of a scenario table that the runner does not know, or a value it cannot read. */
public class ScenarioTermException extends RuntimeException {

    public ScenarioTermException(String term, String problem) {
        super("'" + term + "': " + problem);
    }
}
