package com.shopcare.complaints.scenarios;

import java.util.List;

/** Every example of a scenario book run against one policy version. */
public record ScenarioReport(String policyVersion, List<ExampleResult> results) {

    public ScenarioReport {
        results = List.copyOf(results);
    }

    public boolean passed() {
        return results.stream().allMatch(ExampleResult::passed);
    }

    public List<ExampleResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** A one-line verdict followed by each failing example. */
    public String describe() {
        List<ExampleResult> failures = failures();
        StringBuilder text = new StringBuilder("Policy ").append(policyVersion).append(": ")
                .append(results.size() - failures.size()).append(" of ").append(results.size())
                .append(" examples passed");
        failures.forEach(f -> text.append("\n  ").append(f.describe()));
        return text.toString();
    }
}
