package com.shopcare.complaints.scenarios;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyEvaluationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs scenario examples against a compiled policy. Plain Java: the tests, the command line and the service
 * (to check a draft policy before it goes live) all use it the same way.
 */
public final class ScenarioRunner {

    private final Policy policy;

    public ScenarioRunner(Policy policy) {
        this.policy = policy;
    }

    public ScenarioReport run(ScenarioBook book) {
        return new ScenarioReport(policy.version(), book.examples().stream().map(this::run).toList());
    }

    /** The complaint an example describes, for callers that send it elsewhere (the service's HTTP warm-up). */
    public static Complaint complaintOf(Example example) {
        return ComplaintTerms.complaint(example.given());
    }

    public ExampleResult run(Example example) {
        Complaint complaint;
        try {
            complaint = ComplaintTerms.complaint(example.given());
        } catch (ScenarioTermException | ArithmeticException e) {
            return new ExampleResult(example, List.of(), "the complaint cannot be read: " + e.getMessage());
        }
        Decision decision;
        try {
            decision = policy.decide(complaint);
        } catch (PolicyEvaluationException e) {
            return new ExampleResult(example, List.of(), "the policy could not decide it: " + e.getMessage());
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> term : example.expected().entrySet()) {
            try {
                Optional<Mismatch> mismatch = DecisionTerms.check(term.getKey(), term.getValue(), decision);
                mismatch.ifPresent(mismatches::add);
            } catch (ScenarioTermException e) {
                return new ExampleResult(example, List.of(), "the expectation cannot be read: " + e.getMessage());
            }
        }
        return new ExampleResult(example, mismatches, null);
    }
}
