package com.shopcare.complaints.scenarios;

import java.util.List;

/**
 * How one example fared against a policy.
 *
 * @param mismatches the expected terms the decision did not have
 * @param problem    why the example could not be decided at all (an unknown term, a value the policy rejects), or null
 */
public record ExampleResult(Example example, List<Mismatch> mismatches, String problem) {

    public ExampleResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return problem == null && mismatches.isEmpty();
    }

    /** Policy, file and example row, then every expected value next to the actual one. */
    public String describe() {
        if (passed()) {
            return example.where() + ": passed";
        }
        StringBuilder text = new StringBuilder(example.where()).append(": ");
        if (problem != null) {
            return text.append(problem).toString();
        }
        text.append("failed\n    complaint: ").append(example.given());
        mismatches.forEach(m -> text.append("\n    ").append(m));
        return text.toString();
    }
}
