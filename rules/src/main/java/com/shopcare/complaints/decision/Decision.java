package com.shopcare.complaints.decision;

import java.util.List;

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
