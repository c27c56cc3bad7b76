package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionEndpointTest {

    @LocalServerPort
    int port;

    ServiceClient client;

    @BeforeEach
    void connect() {
        client = new ServiceClient(port);
    }

    @Test
    void documentedExampleGetsTheDocumentedDecision() {
        Reply reply = client.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode decision = reply.json();
        assertThat(decision.get("complaintId").asString()).isEqualTo("C-1001");
        assertThat(decision.get("shopId").asString()).isEqualTo("shop-eu-1");
        assertThat(decision.get("decisionId").asString()).isNotBlank();
        assertThat(decision.at("/dissatisfaction/score").asInt()).isEqualTo(60);
        assertThat(decision.at("/dissatisfaction/level").asString()).isEqualTo("HIGH");

        JsonNode remedies = decision.get("remedies");
        assertThat(remedies).hasSize(2);
        assertThat(remedies.get(0).get("type").asString()).isEqualTo("REPLACEMENT");
        assertThat(remedies.get(0).get("recommended").asBoolean()).isTrue();
        assertThat(remedies.get(0).has("amount")).isFalse();
        assertThat(remedies.get(1).get("type").asString()).isEqualTo("FULL_REFUND");
        assertThat(remedies.get(1).get("amount").asString()).isEqualTo("199.90");
        assertThat(remedies.get(1).get("recommended").asBoolean()).isFalse();

        JsonNode compensation = decision.get("compensation");
        assertThat(compensation).hasSize(2);
        assertThat(compensation.get(0).get("type").asString()).isEqualTo("VOUCHER");
        assertThat(compensation.get(0).get("percent").asInt()).isEqualTo(25);
        assertThat(compensation.get(0).get("amount").asString()).isEqualTo("62.48");
        assertThat(compensation.get(0).get("recommended").asBoolean()).isTrue();
        assertThat(compensation.get(0).get("requiresApproval").asBoolean()).isFalse();
        assertThat(compensation.get(1).get("type").asString()).isEqualTo("PARTIAL_REFUND");
        assertThat(compensation.get(1).get("percent").asInt()).isEqualTo(20);
        assertThat(compensation.get(1).get("amount").asString()).isEqualTo("39.98");
        assertThat(compensation.get(1).get("description").asString()).isNotBlank();

        assertThat(decision.at("/escalation/path").asString()).isEqualTo("SENIOR_AGENT");
        assertThat(decision.at("/escalation/reason").asString()).contains("HIGH");
        assertThat(decision.at("/sla/firstResponseMinutes").asInt()).isEqualTo(30);
        assertThat(decision.at("/sla/resolutionHours").asInt()).isEqualTo(48);
        assertThat(decision.at("/sla/updateEveryDays").asInt()).isEqualTo(2);
        assertThat(decision.get("actions").valueStream().map(JsonNode::asString))
                .containsExactly("APOLOGIZE", "ADMIT_FAULT", "OFFER_CHOICE", "FOLLOW_UP_SURVEY", "ROOT_CAUSE_REPORT",
                        "THANK_CUSTOMER");
        assertThat(decision.get("explanation").valueStream().map(line -> line.get("detail").asString()))
                .contains("The product is defective: 30 points", "HIGH dissatisfaction: a senior agent handles it");
    }

    @Test
    void decisionNamesTheActivePolicyVersion() {
        String active = new ServiceClient(port, TestKeys.ADMIN).get("/v1/policy").json().get("policyVersion").asString();

        JsonNode decision = client.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).json();

        assertThat(decision.get("policyVersion").asString()).isEqualTo(active);
    }

    @Test
    void sameRequestGetsTheSameDecisionUnderANewDecisionId() {
        JsonNode first = client.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).json();
        JsonNode second = client.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).json();

        assertThat(second.get("decisionId")).isNotEqualTo(first.get("decisionId"));
        ((tools.jackson.databind.node.ObjectNode) first).remove("decisionId");
        ((tools.jackson.databind.node.ObjectNode) second).remove("decisionId");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() {
        String minimal = """
                {"complaintId": "C-2",
                 "complaint": {"issueType": "LATE_DELIVERY", "responsibility": "CARRIER", "channel": "CHAT", "emotion": "CALM"},
                 "order": {"value": "80.00", "currency": "EUR"},
                 "customer": {"tier": "NEW"}}
                """;

        Reply reply = client.post("/v1/decisions", "application/json", minimal);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode decision = reply.json();
        // No shopId sent: the key's shop decides and is echoed back.
        assertThat(decision.get("shopId").asString()).isEqualTo("shop-eu-1");
        assertThat(decision.at("/dissatisfaction/score").asInt()).isEqualTo(10);
        // Not delivered yet (no daysSinceDelivery): redelivery or cancel, with the refund worth the whole order.
        assertThat(decision.at("/remedies/0/type").asString()).isEqualTo("REDELIVERY");
        assertThat(decision.at("/remedies/1/amount").asString()).isEqualTo("80.00");
        // Shipping cost defaults to 0, and the LOW voucher is worth 5 % of the order.
        assertThat(decision.at("/compensation/0/amount").asString()).isEqualTo("4.00");
        assertThat(decision.at("/escalation/path").asString()).isEqualTo("AUTO_RESOLVE");
    }

    @Test
    void explicitNullIsRefusedWhileLeavingTheFieldOutMeansItsDefault() {
        Reply withNull = client.postJson("/v1/decisions", Requests.with("complaint.contactCount", "null"));
        Reply leftOut = client.postJson("/v1/decisions", Requests.without("complaint.contactCount"));

        // The yaml declares no field nullable, so a client or a contract test expects this 400 (issue 24).
        assertThat(withNull.status()).isEqualTo(400);
        assertThat(withNull.json().at("/errors/0/field").asString()).isEqualTo("complaint.contactCount");
        assertThat(leftOut.status()).isEqualTo(200);
        // Without the second contact's 10 points the example scores 50, still HIGH.
        assertThat(leftOut.json().at("/dissatisfaction/score").asInt()).isEqualTo(50);
    }

    @Test
    void benchmarkBaselineIsNotPartOfTheService() {
        Reply oldPath = client.post("/benchmark/baseline-decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);
        // Only benchmarks/http.sh adds the baseline; here its header selects nothing, and each request is decided.
        Reply first = client.send(baselineRequest());
        Reply second = client.send(baselineRequest());

        assertThat(oldPath.status()).isEqualTo(404);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("decisionId").asString()).isNotEqualTo(first.json().get("decisionId").asString());
    }

    private HttpRequest.Builder baselineRequest() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/decisions"))
                .header("Content-Type", "application/json")
                .header("X-Benchmark-Baseline", "1")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.DOCUMENTED_EXAMPLE));
    }
}
