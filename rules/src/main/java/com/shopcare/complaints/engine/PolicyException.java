package com.shopcare.complaints.engine;

import java.util.List;

/** A policy that cannot be used: every problem names the file and what is wrong with it. */
public class PolicyException extends RuntimeException {

    private final List<String> problems;

    public PolicyException(List<String> problems) {
        super("The policy cannot be used:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
