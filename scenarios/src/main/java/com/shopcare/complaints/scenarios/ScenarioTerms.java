package com.shopcare.complaints.scenarios;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario files' words for complaints and decisions, for anything that shows complaints to business staff: a
 * counterexample written in these terms can be pasted into a scenario file as it is.
 */
public final class ScenarioTerms {

    private ScenarioTerms() {
    }

    /** A complaint from terms as a scenario's complaint table writes them; absent terms take their defaults. */
    public static Complaint complaint(Map<String, String> terms) {
        Map<String, String> normalised = new LinkedHashMap<>();
        terms.forEach((term, value) -> normalised.put(Terms.normalise(term), value.trim()));
        return ComplaintTerms.complaint(normalised);
    }

    /** The terms a complaint table may use, in the order of the policy's input table. */
    public static List<String> complaintTerms() {
        return ComplaintTerms.known();
    }

    /** Every term of a complaint, as a scenario's complaint table writes it. */
    public static Map<String, String> describe(Complaint complaint) {
        return ComplaintTerms.describe(complaint);
    }

    /** The main terms of a decision (score to approval), as a scenario's expectation table writes them. */
    public static Map<String, String> describe(Decision decision) {
        return DecisionTerms.describe(decision);
    }
}
