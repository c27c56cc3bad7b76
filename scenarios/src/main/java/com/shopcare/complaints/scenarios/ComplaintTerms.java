package com.shopcare.complaints.scenarios;

import com.shopcare.complaints.decision.Complaint;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The words a scenario uses for a complaint, mapped to the engine's complaint. Absent terms take the API's defaults;
 * enumerated values are passed as written, so the policy's own type checks judge them.
 */
final class ComplaintTerms {

    private static final Map<String, BiConsumer<Complaint.Builder, String>> TERMS = new LinkedHashMap<>();
    private static final Set<String> REQUIRED = Set.of("issue type", "responsibility", "channel", "emotion",
            "order value", "currency", "tier");

    static {
        TERMS.put("issue type", Complaint.Builder::issueType);
        TERMS.put("responsibility", Complaint.Builder::responsibility);
        TERMS.put("channel", Complaint.Builder::channel);
        TERMS.put("public", (b, v) -> b.isPublic(Terms.yesNo("public", v)));
        TERMS.put("emotion", Complaint.Builder::emotion);
        TERMS.put("contact count", (b, v) -> b.contactCount(Math.toIntExact(Terms.whole("contact count", v))));
        TERMS.put("delay days", (b, v) -> b.delayDays(Math.toIntExact(Terms.whole("delay days", v))));
        TERMS.put("legal threat", (b, v) -> b.legalThreat(Terms.yesNo("legal threat", v)));
        TERMS.put("days since delivery", (b, v) -> b.daysSinceDelivery(
                v.equals(Terms.ABSENT) ? null : Math.toIntExact(Terms.whole("days since delivery", v))));
        TERMS.put("order value", (b, v) -> b.orderValue(Terms.decimal("order value", v)));
        TERMS.put("currency", (b, v) -> b.currency(currency(v)));
        TERMS.put("affected value", (b, v) -> b.affectedValue(
                v.equals(Terms.ABSENT) ? null : Terms.decimal("affected value", v)));
        TERMS.put("shipping cost", (b, v) -> b.shippingCost(Terms.decimal("shipping cost", v)));
        TERMS.put("tier", Complaint.Builder::tier);
        TERMS.put("compensations last 90 days", (b, v) -> b.compensationsLast90Days(
                Math.toIntExact(Terms.whole("compensations last 90 days", v))));
        TERMS.put("public reach", (b, v) -> b.publicReach(Terms.whole("public reach", v)));
        // "incident level" is applied last, in complaint(), because it needs the incident id too.
        TERMS.put("incident", (b, v) -> { });
        TERMS.put("incident level", (b, v) -> { });
    }

    private ComplaintTerms() {
    }

    /** The terms a scenario may use for a complaint, in the order of the policy's input table. */
    static List<String> known() {
        return List.copyOf(TERMS.keySet());
    }

    static Complaint complaint(Map<String, String> given) {
        Complaint.Builder builder = Complaint.builder();
        for (Map.Entry<String, String> term : given.entrySet()) {
            BiConsumer<Complaint.Builder, String> setter = TERMS.get(term.getKey());
            if (setter == null) {
                throw new ScenarioTermException(term.getKey(), "not a complaint term; known terms: " + String.join(", ", known()));
            }
            setter.accept(builder, term.getValue());
        }
        for (String required : REQUIRED) {
            if (!given.containsKey(required)) {
                throw new ScenarioTermException(required, "missing; every complaint needs it (put it in the Background)");
            }
        }
        String level = given.getOrDefault("incident level", Terms.ABSENT);
        if (!level.equals(Terms.ABSENT)) {
            builder.incident(new Complaint.Incident(given.getOrDefault("incident", "INC-1"), level));
        }
        return builder.build();
    }

    static Map<String, String> describe(Complaint complaint) {
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("issue type", complaint.issueType());
        terms.put("responsibility", complaint.responsibility());
        terms.put("channel", complaint.channel());
        terms.put("public", Terms.yesNo(complaint.isPublic()));
        terms.put("emotion", complaint.emotion());
        terms.put("contact count", String.valueOf(complaint.contactCount()));
        terms.put("delay days", String.valueOf(complaint.delayDays()));
        terms.put("legal threat", Terms.yesNo(complaint.legalThreat()));
        terms.put("days since delivery", complaint.daysSinceDelivery() == null
                ? Terms.ABSENT : String.valueOf(complaint.daysSinceDelivery()));
        terms.put("order value", complaint.orderValue().toPlainString());
        terms.put("currency", complaint.currency().getCurrencyCode());
        terms.put("affected value", complaint.affectedValue().toPlainString());
        terms.put("shipping cost", complaint.shippingCost().toPlainString());
        terms.put("tier", complaint.tier());
        terms.put("compensations last 90 days", String.valueOf(complaint.compensationsLast90Days()));
        terms.put("public reach", String.valueOf(complaint.publicReach()));
        terms.put("incident", complaint.incident() == null ? Terms.ABSENT : complaint.incident().id());
        terms.put("incident level", complaint.incident() == null ? Terms.ABSENT : complaint.incident().goodwillLevel());
        return terms;
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code.trim());
        } catch (IllegalArgumentException e) {
            throw new ScenarioTermException("currency", "'" + code + "' is not an ISO 4217 currency code");
        }
    }
}
