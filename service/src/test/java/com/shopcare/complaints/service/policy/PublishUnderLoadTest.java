package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.check.Drafts;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Part;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publish and a rollback while shops keep asking: not one request fails, and every answer is exactly the decision
 * of the version it names, as a replay pinned to that version gives it afterwards (never half one, half the other).
 * The draft is made (and checked) before the shops start: only the publish and the rollback, the two moments the
 * deciding version changes, happen under their load.
 */
class PublishUnderLoadTest {

    private static final int THREADS = 4;

    @TempDir
    Path store;

    @Test
    void publishAndRollbackUnderLoadFailNoRequestAndMixNoVersions() throws Exception {
        List<String> bodies = List.of(
                Requests.with("complaint.issueType", "\"LATE_DELIVERY\"").toString(),
                Requests.with("customer.tier", "\"REGULAR\"").toString(),
                Requests.with("complaint.emotion", "\"CALM\"").toString(),
                Requests.DOCUMENTED_EXAMPLE);
        try (ServiceInstance service = ServiceInstance.start(store, "--decision.policy.check-sample-size=100",
                "--decision.rate-limit.requests-per-second=1000000", "--decision.rate-limit.burst=1000000")) {
            ServiceClient shop = service.shop();
            ServiceClient admin = service.admin();
            String release = PolicyFixtures.activeVersion(admin);
            // The draft's check decides its sample and the scenario examples; it changes nothing that decides.
            Reply draft = admin.postMultipart("/v1/policy/drafts", PolicyFixtures.mediumVoucher(12));
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);

            AtomicBoolean running = new AtomicBoolean(true);
            Queue answers = new Queue();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                workers.add(pool.submit(() -> {
                    for (int i = offset; running.get(); i++) {
                        int body = i % bodies.size();
                        answers.add(body, decide(service, shop, bodies.get(body), null));
                    }
                }));
            }
            Thread.sleep(500);
            Reply publish = admin.post("/v1/policy/drafts/" + draft.json().get("draftId").asString() + "/publish",
                    "application/json", "{\"comment\": \"MEDIUM voucher 12 %\"}");
            assertThat(publish.status()).as(publish.body()).isEqualTo(201);
            String published = publish.json().get("versionId").asString();
            Thread.sleep(500);
            PolicyFixtures.activate(admin, release);
            Thread.sleep(500);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(answers.failed).as("requests that did not get a decision").isEmpty();
            assertThat(answers.byVersion.keySet()).containsExactlyInAnyOrder(release, published);
            for (Map.Entry<String, Map<Integer, Set<String>>> version : answers.byVersion.entrySet()) {
                for (Map.Entry<Integer, Set<String>> body : version.getValue().entrySet()) {
                    Reply replay = decide(service, shop, bodies.get(body.getKey()), version.getKey());
                    assertThat(body.getValue()).as("answers under %s for request %s", version.getKey(), body.getKey())
                            .containsExactly(withoutDecisionId(replay.json()));
                }
            }
            assertThat(answers.count).as("answers collected").hasSizeGreaterThan(100);
        }
    }

    private static Reply decide(ServiceInstance service, ServiceClient shop, String body, String version) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/v1/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (version != null) {
            request.header("Policy-Version", version);
        }
        return shop.send(request);
    }

    private static String withoutDecisionId(JsonNode decision) {
        ObjectNode copy = (ObjectNode) decision.deepCopy();
        copy.remove("decisionId");
        return copy.toString();
    }

    /** Every answer, grouped by the version it names and the request it answers. */
    private static final class Queue {
        final Map<String, Map<Integer, Set<String>>> byVersion = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> count = new ConcurrentLinkedQueue<>();

        void add(int body, Reply reply) {
            count.add(body);
            if (reply.status() != 200) {
                failed.add(reply.status() + " " + reply.body());
                return;
            }
            JsonNode decision = reply.json();
            byVersion.computeIfAbsent(decision.get("policyVersion").asString(), v -> new ConcurrentHashMap<>())
                    .computeIfAbsent(body, b -> ConcurrentHashMap.newKeySet())
                    .add(withoutDecisionId(decision));
        }
    }
}
