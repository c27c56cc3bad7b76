package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.ServiceClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyEndpointTest {

    @LocalServerPort
    int port;

    @Test
    void activePolicyListsItsTablesAndRules() {
        Reply reply = new ServiceClient(port, TestKeys.ADMIN).get("/v1/policy");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode policy = reply.json();
        assertThat(policy.get("policyVersion").asString()).matches("\\d{8}-\\d{6}-[0-9a-f]{12}");
        List<JsonNode> tables = policy.get("tables").valueStream().toList();
        assertThat(tables).anySatisfy(table -> {
            assertThat(table.get("name").asString()).isEqualTo("Dissatisfaction Points");
            assertThat(table.get("kind").asString()).isEqualTo("DECISION_TABLE");
            assertThat(table.get("hitPolicy").asString()).isEqualTo("COLLECT SUM");
            assertThat(table.get("source").asString()).isEqualTo("Dissatisfaction.dmn");
            assertThat(table.get("rows").asInt()).isPositive();
        });
        assertThat(tables).anySatisfy(table -> {
            assertThat(table.get("name").asString()).isEqualTo("Escalation Path");
            assertThat(table.get("hitPolicy").asString()).isEqualTo("PRIORITY");
        });
        assertThat(tables).anySatisfy(table -> {
            assertThat(table.get("name").asString()).isEqualTo("CustomerFaultGetsNoMoney");
            assertThat(table.get("kind").asString()).isEqualTo("RULE");
            assertThat(table.has("hitPolicy")).isFalse();
        });
    }

    @Test
    void healthIsUpWithThePolicyVersionOnceWarm() {
        Reply reply = new ServiceClient(port, TestKeys.ADMIN).get("/actuator/health");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode health = reply.json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/policy/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/policy/details/policyVersion").asString()).matches("\\d{8}-\\d{6}-[0-9a-f]{12}");
    }

    @Test
    void kubernetesProbesAnswerWithoutAKeyAndReadinessWaitsForThePolicy() {
        Reply liveness = new ServiceClient(port, null).get("/actuator/health/liveness");
        Reply readiness = new ServiceClient(port, null).get("/actuator/health/readiness");
        Reply readinessInDetail = new ServiceClient(port, TestKeys.ADMIN).get("/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().has("components")).as("no details without a key").isFalse();
        assertThat(readinessInDetail.json().at("/components/policy/status").asString()).isEqualTo("UP");
        assertThat(readinessInDetail.json().at("/components/readinessState/status").asString()).isEqualTo("UP");
    }
}
