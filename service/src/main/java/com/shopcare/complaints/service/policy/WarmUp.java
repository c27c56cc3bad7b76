package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.scenarios.Example;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.service.access.ApiKeys;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.scenarios.ScenarioReport;
import com.shopcare.complaints.scenarios.ScenarioRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Before the instance reports UP: sends every shipped scenario example through the instance's own HTTP endpoint
 * on loopback, then decides them in-process and says in the log whether the policy still decides them as the
 * files expect. The first requests of a fresh JVM are slow (class loading, JSON
 * binding, FEEL and JIT caches), and a load balancer should route complaints only to an instance at full speed.
 * It runs once the server is up, so that a shop's first request is not held up by it. With
 * {@code decision.policy.warm-up=false} the instance reports UP without it (tests that do not test it).
 */
@Component
class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final int ROUNDS = 2;

    private final ActivePolicy activePolicy;
    private final ApiKeys apiKeys;
    private final boolean enabled;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    WarmUp(ActivePolicy activePolicy, ApiKeys apiKeys, PolicyProperties properties, ApplicationEventPublisher events) {
        this.activePolicy = activePolicy;
        this.events = events;
        this.apiKeys = apiKeys;
        this.enabled = properties.warmUp();
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!enabled) {
            ready();
            return;
        }
        ScenarioBook book = ScenarioBook.shipped();
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            checkScenarios(activePolicy.current(), book);
            ready();
            return;
        }
        long started = System.nanoTime();
        URI uri = URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + "/v1/decisions");
        List<byte[]> bodies = book.examples().stream().map(this::request).toList();
        int failed = 0;
        int count = 0;
        HttpClient client = HttpClient.newHttpClient();
        // A key of its own that no shop shares, not rate limited, and gone when the warm-up ends.
        try (ApiKeys.TemporaryKey key = apiKeys.temporaryKey("warm-up")) {
            for (int round = 0; round < ROUNDS; round++) {
                for (byte[] body : bodies) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + key.key())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    count++;
                    if (response.statusCode() != 200 && failed++ == 0) {
                        log.warn("HTTP warm-up: {} for {}: {}", response.statusCode(),
                                new String(body, java.nio.charset.StandardCharsets.UTF_8), response.body());
                    }
                }
            }
        } catch (IOException e) {
            log.warn("HTTP warm-up stopped early: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("HTTP warm-up: {} requests in {} ms, {} not answered 200", count,
                (System.nanoTime() - started) / 1_000_000, failed);
        // After the HTTP warm-up, not before: the first shops' requests, which may already arrive, then share the
        // two cores with the warm-up alone (about 0.6 s of CPU less while the request path is still cold).
        checkScenarios(activePolicy.current(), book);
        ready();
    }

    /** The instance is ready for shops: the readiness probe says UP, and {@link PolicyWarmedUp} tells the rest. */
    private void ready() {
        activePolicy.markWarm();
        events.publishEvent(new PolicyWarmedUp(activePolicy.current().version()));
    }

    private static void checkScenarios(Policy policy, ScenarioBook book) {
        long started = System.nanoTime();
        ScenarioReport report = new ScenarioRunner(policy).run(book);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.passed()) {
            log.info("Policy {} decided the {} scenario examples as expected in {} ms",
                    policy.version(), report.results().size(), millis);
        } else {
            log.warn("Policy {} does not decide as the scenario files expect. {}", policy.version(), report.describe());
        }
    }

    /** The example's complaint as the API request a shop would send. */
    private byte[] request(Example example) {
        Complaint c = ScenarioRunner.complaintOf(example);
        ObjectNode request = json.createObjectNode().put("complaintId", "warm-up");
        request.putObject("complaint").put("issueType", c.issueType()).put("responsibility", c.responsibility())
                .put("channel", c.channel()).put("isPublic", c.isPublic()).put("emotion", c.emotion())
                .put("contactCount", c.contactCount()).put("delayDays", c.delayDays())
                .put("legalThreat", c.legalThreat())
                .put("daysSinceDelivery", c.daysSinceDelivery());
        if (c.daysSinceDelivery() == null) {
            ((ObjectNode) request.get("complaint")).remove("daysSinceDelivery");
        }
        request.putObject("order").put("value", c.orderValue().toPlainString())
                .put("currency", c.currency().getCurrencyCode())
                .put("affectedValue", c.affectedValue().toPlainString())
                .put("shippingCost", c.shippingCost().toPlainString());
        request.putObject("customer").put("tier", c.tier())
                .put("compensationsLast90Days", c.compensationsLast90Days()).put("publicReach", c.publicReach());
        if (c.incident() != null) {
            request.putObject("incident").put("id", c.incident().id()).put("goodwillLevel", c.incident().goodwillLevel());
        }
        return json.writeValueAsBytes(request);
    }
}
