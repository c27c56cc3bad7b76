package com.shopcare.complaints.service.decision;

import tools.jackson.databind.JsonNode;

/** Parts of a decision as the tests read them from its JSON answer. */
public final class Answers {

    private Answers() {
    }

    /** The VOUCHER option of the decision's compensation; fails naming the decision when none is offered. */
    public static JsonNode voucher(JsonNode decision) {
        for (JsonNode option : decision.get("compensation")) {
            if (option.get("type").asString().equals("VOUCHER")) {
                return option;
            }
        }
        throw new AssertionError("no voucher offered: " + decision);
    }
}
