package com.shopcare.complaints.service.access;

import com.shopcare.complaints.service.ComplaintDecisionsApplication;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * A newcomer's first try, as the README tells it: start without any key configured, copy the demo key from the log,
 * send the README's curl body. Starts an instance of its own, because the shared test context has keys configured.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoKeyTest {

    private static final Pattern DEMO_KEY = Pattern.compile("Demo shop key: (\\S+)");

    @Test
    void newcomerGetsTheReadmesDecisionWithTheGeneratedDemoKey(CapturedOutput output) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher curlBody = Pattern.compile("curl -s localhost:8080/v1/decisions -H \"Authorization: Bearer \\$KEY\""
                + " -H 'Content-Type: application/json' -d '(\\{.*?})'", Pattern.DOTALL).matcher(readme);
        assertThat(curlBody.find()).as("the README's curl").isTrue();

        try (ConfigurableApplicationContext app = SpringApplication.run(ComplaintDecisionsApplication.class,
                "--server.port=0", "--decision.access.api-keys=")) {
            Matcher key = DEMO_KEY.matcher(output.getOut() + output.getErr());
            assertThat(key.find()).as("the demo key in the log").isTrue();
            assertThat(output.toString()).contains("DECISION_API_KEYS=shopId=sha256hex");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            Reply reply = new ServiceClient(port, key.group(1)).post("/v1/decisions", "application/json", curlBody.group(1));

            assertThat(reply.status()).isEqualTo(200);
            JsonNode decision = reply.json();
            assertThat(decision.get("shopId").asString()).isEqualTo("demo");
            assertThat(readme).contains("\"shopId\": \"demo\"",
                    "\"dissatisfaction\": {\"score\": " + decision.at("/dissatisfaction/score").asInt()
                            + ", \"level\": \"" + decision.at("/dissatisfaction/level").asString() + "\"}",
                    "\"path\": \"" + decision.at("/escalation/path").asString() + "\"");
            assertThat(new ServiceClient(port, "a-key-nobody-made").post("/v1/decisions", "application/json",
                    curlBody.group(1)).status()).isEqualTo(401);
        }
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
