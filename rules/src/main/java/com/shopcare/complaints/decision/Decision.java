package com.shopcare.complaints.decision;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the policy decided for one complaint. Lists are immutable and in the order they are offered or done. */
public record Decision(
        String policyVersion,
        Dissatisfaction dissatisfaction,
        List<Option> remedies,
        List<Option> compensation,
        Escalation escalation,
        ResponseTimes responseTimes,
        List<String> actions,
        List<ExplanationLine> explanation) {

    public Decision {
        remedies = List.copyOf(remedies);
        compensation = List.copyOf(compensation);
        actions = List.copyOf(actions);
        explanation = List.copyOf(explanation);
    }

    /** The remedy offered first, as the one the agent recommends; empty when none is offered. */
    public Optional<Option> recommendedRemedy() {
        return remedies.stream().filter(Option::recommended).findFirst();
    }

    /** The compensation offered first, as the one the agent recommends; empty when none is offered. */
    public Optional<Option> recommendedCompensation() {
        return compensation.stream().filter(Option::recommended).findFirst();
    }

    /** The percentage of the recommended compensation; none, or one without a percentage, counts as 0. */
    public BigDecimal recommendedCompensationPercent() {
        return recommendedCompensation().map(Option::percent).orElse(BigDecimal.ZERO);
    }

    /** Every option offered, remedies first. */
    public List<Option> options() {
        return java.util.stream.Stream.concat(remedies.stream(), compensation.stream()).toList();
    }

    public record Dissatisfaction(int score, String level) {
    }

    public record Escalation(String path, String reason) {
    }

    public record ResponseTimes(int firstResponseMinutes, int resolutionHours, int updateEveryDays) {
    }

    /** One table row or rule that shaped the decision: where it comes from and what it says. */
    public record ExplanationLine(String source, String detail) {
    }
}
