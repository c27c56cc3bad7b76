package com.shopcare.complaints.service.decision;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies for tests: the documented example, changed one field at a time. */
public final class Requests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final String DOCUMENTED_EXAMPLE = """
            {
              "complaintId": "C-1001",
              "shopId": "shop-eu-1",
              "complaint": {"issueType": "DEFECTIVE_PRODUCT", "responsibility": "SUPPLIER", "channel": "EMAIL",
                            "isPublic": false, "emotion": "ANGRY", "contactCount": 2, "delayDays": 0,
                            "legalThreat": false, "daysSinceDelivery": 3},
              "order": {"value": "249.90", "currency": "EUR", "affectedValue": "199.90", "shippingCost": "4.90"},
              "customer": {"tier": "LOYAL", "compensationsLast90Days": 0, "publicReach": 0},
              "incident": {"id": "INC-7", "goodwillLevel": "HIGH"}
            }
            """;

    /**
     * A MEDIUM complaint (an angry first contact about a late delivery) on an order of 100.00 EUR: its voucher is the
     * MEDIUM voucher of the README's walk-through, 10 % in the shipped tables.
     */
    public static final String MEDIUM_COMPLAINT = """
            {"complaintId": "C-77", "complaint": {"issueType": "LATE_DELIVERY", "responsibility": "SHOP",
             "channel": "EMAIL", "emotion": "ANGRY"}, "order": {"value": "100.00", "currency": "EUR"},
             "customer": {"tier": "REGULAR"}}
            """;

    private Requests() {
    }

    public static ObjectNode documentedExample() {
        return (ObjectNode) JSON.readTree(DOCUMENTED_EXAMPLE);
    }

    /** The documented example with the field at a dotted path set to a JSON value given as text ("\"x\"", "2"). */
    public static ObjectNode with(String path, String jsonValue) {
        ObjectNode body = documentedExample();
        parentOf(body, path).set(leaf(path), JSON.readTree(jsonValue));
        return body;
    }

    /** The documented example without the field at a dotted path. */
    public static ObjectNode without(String path) {
        ObjectNode body = documentedExample();
        parentOf(body, path).remove(leaf(path));
        return body;
    }

    private static ObjectNode parentOf(ObjectNode body, String path) {
        JsonNode node = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
        }
        return (ObjectNode) node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
