package com.shopcare.complaints.service.decision;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.TestKeys;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees of decisions: the metrics at /actuator/prometheus and one log line per decision. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionTraceTest {

    @LocalServerPort
    int port;

    @Test
    void prometheusShowsDecisionsByPathAndLevelLatencyRejectionsAndThePolicyVersion() {
        JsonNode decision = new ServiceClient(port).post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).json();
        new ServiceClient(port, null).post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);

        String metrics = new ServiceClient(port, TestKeys.ADMIN).get("/actuator/prometheus").body();

        assertThat(metrics).containsPattern("decisions_total\\{[^}]*level=\"HIGH\"[^}]*path=\"SENIOR_AGENT\"[^}]*} [1-9]");
        assertThat(metrics).contains("decision_duration_seconds_bucket{");
        assertThat(metrics).containsPattern("decision_duration_seconds_count(\\{[^}]*})? [1-9]");
        assertThat(metrics).containsPattern("requests_rejected_total\\{[^}]*reason=\"unauthorized\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("policy_active\\{[^}]*version=\"" + decision.get("policyVersion").asString() + "\"[^}]*} 1");
    }

    @Test
    void eachDecisionLeavesOneLogLineWithIdentifiersAndOutcomeButNoComplaintContent() {
        Logger decisions = (Logger) LoggerFactory.getLogger("decisions");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = decisions.getLevel();
        decisions.setLevel(Level.INFO);
        decisions.addAppender(lines);
        JsonNode decision;
        try {
            decision = new ServiceClient(port).post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).json();
        } finally {
            decisions.detachAppender(lines);
            decisions.setLevel(before);
        }

        String decisionId = decision.get("decisionId").asString();
        List<String> ours = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains(decisionId)).toList();
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0)).contains("decisionId=" + decisionId, "shopId=shop-eu-1",
                "policyVersion=" + decision.get("policyVersion").asString(), "level=HIGH", "path=SENIOR_AGENT")
                .containsPattern("durationMicros=\\d+");
        // Nothing the customer or the shop wrote, and no amounts.
        assertThat(ours.get(0)).doesNotContain("C-1001", "INC-7", "DEFECTIVE_PRODUCT", "ANGRY", "249.90", "199.90");
    }
}
