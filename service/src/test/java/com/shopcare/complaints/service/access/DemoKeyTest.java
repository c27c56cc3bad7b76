package com.shopcare.complaints.service.access;

import com.shopcare.complaints.service.ComplaintDecisionsApplication;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first try, as the README tells it: start without any key configured, copy the demo key from the log
 * (printed once, when the instance is ready), send the README's curl body; restart, and the copied key still works. Starts an instance of its own, because the shared test context has keys configured.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoKeyTest {

    private static final Pattern DEMO_KEY = Pattern.compile("Demo shop key: (\\S+)");

    @Test
    void newcomerGetsTheReadmesDecisionWithTheDemoKeyPrintedOnceWhenReady(CapturedOutput output, @TempDir Path store)
            throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher curlBody = Pattern.compile("curl -s localhost:8080/v1/decisions -H \"Authorization: Bearer \\$KEY\""
                + " -H 'Content-Type: application/json' -d '(\\{.*?})'", Pattern.DOTALL).matcher(readme);
        assertThat(curlBody.find()).as("the README's curl").isTrue();

        try (ConfigurableApplicationContext app = startWithoutShopKeys(store)) {
            String log = output.getOut() + output.getErr();
            Matcher key = DEMO_KEY.matcher(log);
            assertThat(key.find()).as("the demo key in the log").isTrue();
            assertThat(key.find()).as("the demo key printed a second time").isFalse();
            // Printed once ready, after the warm-up's lines, and no decision of the warm-up is in the log.
            assertThat(log.indexOf("HTTP warm-up:")).isNotNegative().isLessThan(log.indexOf("Demo shop key"));
            assertThat(log).doesNotContain("decision decisionId=");
            assertThat(log).contains("DECISION_API_KEYS=shopId=sha256hex");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            Reply reply = new ServiceClient(port, demoKey(output)).post("/v1/decisions", "application/json",
                    curlBody.group(1));

            assertThat(reply.status()).isEqualTo(200);
            JsonNode decision = reply.json();
            assertThat(decision.get("shopId").asString()).isEqualTo("demo");
            assertThat(readme).contains("\"shopId\": \"demo\"",
                    "\"dissatisfaction\": {\"score\": " + decision.at("/dissatisfaction/score").asInt()
                            + ", \"level\": \"" + decision.at("/dissatisfaction/level").asString() + "\"}",
                    "\"path\": \"" + decision.at("/escalation/path").asString() + "\"");
            // A shop's decision is logged, unlike the warm-up's.
            assertThat(output.toString()).contains("decision decisionId=");
            assertThat(new ServiceClient(port, "a-key-nobody-made").post("/v1/decisions", "application/json",
                    curlBody.group(1)).status()).isEqualTo(401);
        }
    }

    @Test
    void demoKeySurvivesARestartOnTheSameStore(CapturedOutput output, @TempDir Path store) {
        String first;
        try (ConfigurableApplicationContext app = startWithoutShopKeys(store)) {
            first = demoKey(output);
        }
        try (ConfigurableApplicationContext app = startWithoutShopKeys(store)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            Reply reply = new ServiceClient(port, first).post("/v1/decisions", "application/json",
                    Requests.MEDIUM_COMPLAINT);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(Files.isRegularFile(store.resolve("demo-shop-key"))).isTrue();
        }
        Matcher keys = DEMO_KEY.matcher(output.toString());
        assertThat(keys.results().map(match -> match.group(1)).distinct()).containsExactly(first);
    }

    private static ConfigurableApplicationContext startWithoutShopKeys(Path store) {
        // The warm-up on, as in production, and the decision log shown, to see that the warm-up writes none of it.
        return SpringApplication.run(ComplaintDecisionsApplication.class, "--server.port=0",
                "--decision.access.api-keys=", "--decision.policy.store=" + store, "--decision.policy.warm-up=true",
                "--logging.level.decisions=INFO", "--logging.level.com.shopcare.complaints.service.policy.WarmUp=INFO");
    }

    private static String demoKey(CapturedOutput output) {
        Matcher key = DEMO_KEY.matcher(output.toString());
        assertThat(key.find()).as("the demo key in the log").isTrue();
        return key.group(1);
    }

    @Test
    void noDemoKeyWhenShopKeysAreConfigured(CapturedOutput output) {
        // The shared test configuration has shop keys.
        try (ConfigurableApplicationContext app = SpringApplication.run(ComplaintDecisionsApplication.class,
                "--server.port=0")) {
            assertThat(app.getBean(ApiKeys.class).hasShopKeys()).isTrue();
            assertThat(output.toString()).doesNotContain("Demo shop key");
        }
    }
}
