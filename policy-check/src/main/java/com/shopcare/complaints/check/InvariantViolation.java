package com.shopcare.complaints.check;

import java.util.Map;

/**
 * One complaint (or, for a monotonicity invariant, a pair) for which a policy breaks one of its invariants, in the
 * scenario files' terms so that it can be pasted into a scenario.
 *
 * @param invariant     the invariant's number in COMPLAINT-POLICY.md
 * @param rule          what must hold, in words
 * @param finding       what was found instead
 * @param complaint     the complaint
 * @param decision      its decision
 * @param raised        for invariant 2: the same complaint with one signal raised; otherwise null
 * @param raisedDecision the decision for {@code raised}; otherwise null
 */
public record InvariantViolation(int invariant, String rule, String finding,
                                 Map<String, String> complaint, Map<String, String> decision,
                                 Map<String, String> raised, Map<String, String> raisedDecision) {

    @Override
    public String toString() {
        String text = "invariant " + invariant + " (" + rule + "): " + finding + "\n      complaint: " + complaint
                + "\n      decision: " + decision;
        return raised == null ? text
                : text + "\n      raised: " + raised + "\n      decision: " + raisedDecision;
    }
}
