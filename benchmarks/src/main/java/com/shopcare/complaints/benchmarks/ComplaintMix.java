package com.shopcare.complaints.benchmarks;

import com.shopcare.complaints.decision.Complaint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The fixed mix of realistic complaints every benchmark uses: the API requests in {@code complaint-mix.jsonl},
 * one per line, which the HTTP benchmark sends as they are. Defaults are the API's.
 */
final class ComplaintMix {

    static final String RESOURCE = "complaint-mix.jsonl";

    private ComplaintMix() {
    }

    static List<Complaint> load() {
        ObjectMapper json = new ObjectMapper();
        List<Complaint> complaints = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                ComplaintMix.class.getClassLoader().getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    complaints.add(complaint(json.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(complaints);
    }

    private static Complaint complaint(JsonNode request) {
        JsonNode c = request.get("complaint");
        JsonNode order = request.get("order");
        JsonNode customer = request.get("customer");
        Complaint.Builder builder = Complaint.builder()
                .issueType(c.get("issueType").asString())
                .responsibility(c.get("responsibility").asString())
                .channel(c.get("channel").asString())
                .isPublic(c.path("isPublic").asBoolean(false))
                .emotion(c.get("emotion").asString())
                .contactCount(c.path("contactCount").asInt(1))
                .delayDays(c.path("delayDays").asInt(0))
                .legalThreat(c.path("legalThreat").asBoolean(false))
                .daysSinceDelivery(c.has("daysSinceDelivery") ? c.get("daysSinceDelivery").asInt() : null)
                .orderValue(new BigDecimal(order.get("value").asString()))
                .currency(Currency.getInstance(order.get("currency").asString()))
                .shippingCost(new BigDecimal(order.path("shippingCost").asString("0")))
                .tier(customer.get("tier").asString())
                .compensationsLast90Days(customer.path("compensationsLast90Days").asInt(0))
                .publicReach(customer.path("publicReach").asLong(0));
        if (order.has("affectedValue")) {
            builder.affectedValue(new BigDecimal(order.get("affectedValue").asString()));
        }
        if (request.has("incident")) {
            JsonNode incident = request.get("incident");
            builder.incident(new Complaint.Incident(incident.get("id").asString(), incident.get("goodwillLevel").asString()));
        }
        return builder.build();
    }
}
