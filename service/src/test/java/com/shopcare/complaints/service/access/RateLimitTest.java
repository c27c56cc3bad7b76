package com.shopcare.complaints.service.access;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitTest {

    /** Far above the default burst (400) plus what the default rate (200/s) refills while the flood lasts. */
    private static final int MAX_FLOOD = 20_000;

    @LocalServerPort
    int port;

    @Test
    void floodingShopGetsTooManyRequestsWhileAnotherShopIsStillServed() throws Exception {
        String floodBody = Requests.without("shopId").toString();
        String otherBody = Requests.without("shopId").toString();
        ServiceClient flood = new ServiceClient(port, TestKeys.SHOP_FLOOD);
        ServiceClient other = new ServiceClient(port, TestKeys.SHOP_B);
        AtomicBoolean limited = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<Reply> refusals = new ConcurrentLinkedQueue<>();
        List<Integer> otherStatuses = new ArrayList<>();

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> flooders = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                flooders.add(threads.submit(() -> {
                    // Keep flooding a while after the first refusal, so the other shop is measured under flood.
                    while (sent.incrementAndGet() < MAX_FLOOD && refusals.size() < 300) {
                        Reply reply = flood.post("/v1/decisions", "application/json", floodBody);
                        if (reply.status() == 429) {
                            limited.set(true);
                            refusals.add(reply);
                        }
                    }
                }));
            }
            while (!limited.get() && sent.get() < MAX_FLOOD) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < 20; i++) {
                otherStatuses.add(other.post("/v1/decisions", "application/json", otherBody).status());
            }
            for (Future<?> flooder : flooders) {
                flooder.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(refusals).as("the flooding shop is limited").isNotEmpty();
        Reply refusal = refusals.peek();
        assertThat(refusal.contentType()).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(refusal.header("Retry-After"))).isBetween(1, 2);
        assertThat(refusal.json().get("detail").asString()).contains("shop-flood");
        assertThat(otherStatuses).as("the other shop, during the flood").containsOnly(200);
    }

    @Test
    void defaultLimitIs200PerSecondWithBurstsOf400() {
        RateLimitProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("decision.rate-limit", RateLimitProperties.class);

        assertThat(defaults.requestsPerSecond()).isEqualTo(200);
        assertThat(defaults.burst()).isEqualTo(400);
    }

    @Test
    void limitIsSetByItsSpringProperties() {
        RateLimitProperties set = new Binder(new MapConfigurationPropertySource(Map.of(
                "decision.rate-limit.requests-per-second", "50", "decision.rate-limit.burst", "80")))
                .bindOrCreate("decision.rate-limit", RateLimitProperties.class);

        assertThat(set.requestsPerSecond()).isEqualTo(50);
        assertThat(set.burst()).isEqualTo(80);
    }

    @Test
    void shopSendingLargeInvalidBodiesIsLimitedByTheirSizeNotTheirNumber() {
        // 5,500 unknown fields in 54 KB: each costs the service far more than a decision (the finding).
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 5_500; i++) {
            fields.append(",\"f").append(i).append("\":1");
        }
        String body = Requests.without("shopId").toString().replaceFirst("}$", java.util.regex.Matcher.quoteReplacement(fields + "}"));
        assertThat(body.length()).isGreaterThan(50_000);
        ServiceClient heavy = new ServiceClient(port, TestKeys.SHOP_HEAVY);

        int answered = 0;
        Reply reply = heavy.post("/v1/decisions", "application/json", body);
        while (reply.status() == 400 && answered < 200) {
            answered++;
            reply = heavy.post("/v1/decisions", "application/json", body);
        }

        // Counted by the request, 400 would be answered at once (the burst); counted by the KiB, a few dozen.
        assertThat(reply.status()).isEqualTo(429);
        assertThat(answered).isBetween(5, 40);
        assertThat(reply.header("Retry-After")).isNotNull();
        assertThat(new ServiceClient(port, TestKeys.SHOP_B).post("/v1/decisions", "application/json",
                Requests.without("shopId").toString()).status()).isEqualTo(200);
    }
}
