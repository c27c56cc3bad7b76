package com.shopcare.complaints.scenarios;

/** A scenario file that cannot be read as scenarios; the message names the file, the line and the problem. */
public class ScenarioFileException extends RuntimeException {

    public ScenarioFileException(String message) {
        super(message);
    }

    public ScenarioFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
