package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Money;
import com.shopcare.complaints.decision.Option;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.guards.GuardLimits;
import com.shopcare.complaints.engine.Vocabulary;
import com.shopcare.complaints.scenarios.ScenarioTerms;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invariants 2 to 5 of COMPLAINT-POLICY.md, checked by deciding every complaint of a sample under a policy. These
 * restate the policy's guarantees as checks; the decisions themselves come only from the tables and the guards. Each
 * broken rule is reported once, with the first complaint (or pair of complaints) that breaks it.
 * <p>
 * Invariant 1 (the same request gives the same decision) holds by construction: a policy version is immutable.
 */
public final class PolicyInvariants {

    /** P8, the same limit the guard rules enforce. */
    static final BigDecimal COMPENSATION_CAP_PERCENT = BigDecimal.valueOf(GuardLimits.COMPENSATION_CAP_PERCENT);
    private static final Set<String> REFUNDS = Set.of("FULL_REFUND", "PARTIAL_REFUND");
    private static final int MAX_UPDATE_EVERY_DAYS = GuardLimits.MAX_DAYS_BETWEEN_UPDATES;

    /** What the check found: how many decisions it made, and the first violation of each rule. */
    public record Result(int decisions, List<InvariantViolation> violations) {
    }

    private final Policy policy;
    /** The first violation of each rule, across {@link #decide} and {@link #check}: one instance per check. */
    private final Map<String, InvariantViolation> first = new LinkedHashMap<>();
    private final List<String> emotions;
    private final List<String> levels;

    public PolicyInvariants(Policy policy) {
        this.policy = policy;
        this.emotions = policy.enumerations().get(Vocabulary.EMOTION);
        this.levels = policy.enumerations().get(Vocabulary.INCIDENT_LEVEL);
    }

    public Result check(List<Complaint> sample) {
        return check(sample, sample.stream().map(this::decide).toList());
    }

    /**
     * The policy's decision, or null when deciding fails (a table with two matching rows under UNIQUE, an output
     * outside its type): that breaks invariant 5, and the first such failure is reported with its complaint.
     */
    public Decision decide(Complaint complaint) {
        try {
            return policy.decide(complaint);
        } catch (RuntimeException e) {
            first.computeIfAbsent("5-fails", key -> new InvariantViolation(5, "every decision can be made",
                    "deciding fails: " + e.getMessage(), ScenarioTerms.describe(complaint), Map.of(), null, null));
            return null;
        }
    }

    /** @param decided the result of {@link #decide} for each complaint of the sample, in the same order */
    public Result check(List<Complaint> sample, List<Decision> decided) {
        int decisions = 0;
        for (int i = 0; i < sample.size(); i++) {
            Complaint complaint = sample.get(i);
            Decision decision = decided.get(i);
            decisions++;
            if (decision == null) {
                continue;
            }
            checkCaps(complaint, decision, first);
            checkChoice(complaint, decision, first);
            checkCompleteness(complaint, decision, first);

            Complaint raised = raise(complaint, i);
            if (raised != null) {
                Decision raisedDecision = decide(raised);
                decisions++;
                if (raisedDecision != null) {
                    checkMonotonic(complaint, decision, raised, raisedDecision, first);
                }
            }
        }
        return new Result(decisions, List.copyOf(first.values()));
    }

    /** The same complaint with one dissatisfaction signal raised, in turn by index; null when it cannot be raised. */
    private Complaint raise(Complaint complaint, int index) {
        return switch (index % 4) {
            case 0 -> {
                int at = emotions.indexOf(complaint.emotion());
                yield at < 0 || at == emotions.size() - 1 ? null
                        : complaint.toBuilder().emotion(emotions.get(at + 1)).build();
            }
            case 1 -> complaint.toBuilder().contactCount(complaint.contactCount() + 1 + index % 3).build();
            case 2 -> complaint.toBuilder().delayDays(complaint.delayDays() + 1 + index % 10).build();
            default -> complaint.isPublic() ? null : complaint.toBuilder().isPublic(true).build();
        };
    }

    // Invariant 2
    private void checkMonotonic(Complaint before, Decision beforeDecision, Complaint after, Decision afterDecision,
                                Map<String, InvariantViolation> first) {
        String rule = "raising a dissatisfaction signal never lowers the score, the level or the recommended percentage";
        if (afterDecision.dissatisfaction().score() < beforeDecision.dissatisfaction().score()) {
            record(first, "2-score", 2, rule, "the score fell from " + beforeDecision.dissatisfaction().score() + " to "
                    + afterDecision.dissatisfaction().score(), before, beforeDecision, after, afterDecision);
        }
        if (levels.indexOf(afterDecision.dissatisfaction().level()) < levels.indexOf(beforeDecision.dissatisfaction().level())) {
            record(first, "2-level", 2, rule, "the level fell from " + beforeDecision.dissatisfaction().level() + " to "
                    + afterDecision.dissatisfaction().level(), before, beforeDecision, after, afterDecision);
        }
        BigDecimal percentBefore = beforeDecision.recommendedCompensationPercent();
        BigDecimal percentAfter = afterDecision.recommendedCompensationPercent();
        if (percentAfter.compareTo(percentBefore) < 0) {
            record(first, "2-percent", 2, rule, "the recommended compensation fell from " + percentBefore.toPlainString()
                    + " % to " + percentAfter.toPlainString() + " %", before, beforeDecision, after, afterDecision);
        }
    }

    // Invariant 3
    private void checkCaps(Complaint complaint, Decision decision, Map<String, InvariantViolation> first) {
        String rule = "the caps of P8 are never exceeded";
        BigDecimal cap = Money.percentOf(complaint.orderValue(), COMPENSATION_CAP_PERCENT, complaint.currency());
        for (Option option : decision.compensation()) {
            if (option.amount() != null && option.amount().compareTo(cap) > 0) {
                record(first, "3-cap", 3, rule, option.type() + " is worth " + option.amount().toPlainString()
                        + ", more than " + COMPENSATION_CAP_PERCENT + " % of the order (" + cap.toPlainString() + ")",
                        complaint, decision, null, null);
            }
        }
        for (Option option : decision.options()) {
            if (REFUNDS.contains(option.type()) && option.amount() != null
                    && option.amount().compareTo(complaint.affectedValue()) > 0) {
                record(first, "3-refund", 3, rule, option.type() + " of " + option.amount().toPlainString()
                        + " exceeds the affected value " + complaint.affectedValue().toPlainString(),
                        complaint, decision, null, null);
            }
            if ("CUSTOMER".equals(complaint.responsibility()) && option.amount() != null) {
                record(first, "3-customer", 3, rule, "a complaint the customer caused is offered "
                        + option.type() + " worth " + option.amount().toPlainString(), complaint, decision, null, null);
            }
        }
    }

    // Invariant 4
    private void checkChoice(Complaint complaint, Decision decision, Map<String, InvariantViolation> first) {
        if (!"CUSTOMER".equals(complaint.responsibility()) && decision.options().size() < 2) {
            record(first, "4", 4, "shop-side responsibility gets at least two options in all (P3)",
                    decision.options().size() + " option(s) offered", complaint, decision, null, null);
        }
    }

    // Invariant 5
    private void checkCompleteness(Complaint complaint, Decision decision, Map<String, InvariantViolation> first) {
        String rule = "every decision has an escalation path, response times with updates at least every "
                + MAX_UPDATE_EVERY_DAYS + " days, and an explanation";
        if (decision.escalation() == null || decision.escalation().path() == null) {
            record(first, "5-path", 5, rule, "no escalation path", complaint, decision, null, null);
        } else if (decision.escalation().reason() == null || decision.escalation().reason().isBlank()) {
            record(first, "5-path", 5, rule, "the escalation path " + decision.escalation().path() + " has no reason",
                    complaint, decision, null, null);
        }
        if (decision.responseTimes() != null && (decision.responseTimes().firstResponseMinutes() < 1
                || decision.responseTimes().resolutionHours() < 1)) {
            record(first, "5-times", 5, rule, "a first response in " + decision.responseTimes().firstResponseMinutes()
                    + " minutes, a resolution in " + decision.responseTimes().resolutionHours() + " hours",
                    complaint, decision, null, null);
        }
        if (decision.responseTimes() == null || decision.responseTimes().updateEveryDays() < 1
                || decision.responseTimes().updateEveryDays() > MAX_UPDATE_EVERY_DAYS) {
            record(first, "5-updates", 5, rule, "updates every "
                    + (decision.responseTimes() == null ? "(none)" : decision.responseTimes().updateEveryDays()) + " days",
                    complaint, decision, null, null);
        }
        if (decision.explanation().isEmpty()) {
            record(first, "5-explanation", 5, rule, "no explanation", complaint, decision, null, null);
        } else if (decision.explanation().stream().anyMatch(line -> line.detail() == null || line.detail().isBlank())) {
            record(first, "5-explanation", 5, rule, "an explanation line without words", complaint, decision, null, null);
        }
    }

    private static void record(Map<String, InvariantViolation> first, String key, int invariant, String rule,
                               String finding, Complaint complaint, Decision decision, Complaint raised,
                               Decision raisedDecision) {
        first.computeIfAbsent(key, k -> new InvariantViolation(invariant, rule, finding,
                ScenarioTerms.describe(complaint), ScenarioTerms.describe(decision),
                raised == null ? null : ScenarioTerms.describe(raised),
                raisedDecision == null ? null : ScenarioTerms.describe(raisedDecision)));
    }
}
