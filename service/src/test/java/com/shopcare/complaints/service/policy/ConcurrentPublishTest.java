package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.check.Drafts;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Part;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.PostgresServer;
import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one store, two leads publishing at the same moment, each a draft of the same active version:
 * exactly one publish wins, the other is told which version won, and no publish is lost or half applied. On both
 * kinds of store: a shared folder, and a PostgreSQL database.
 */
class ConcurrentPublishTest {

    // As issue 21 asks: twenty rounds, each a fresh race on the lock file.
    private static final int ROUNDS = 20;

    @TempDir
    Path store;

    @Test
    void ofTwoPublishesOfTheSameVersionOnTwoReplicasSharingAFolderExactlyOneWinsAndTheOtherNamesIt() throws Exception {
        // Each replica looks at the folder every 200 ms instead of every second: the rounds wait less for the loser.
        try (ServiceInstance a = ServiceInstance.start(store, "--decision.policy.check-sample-size=20",
                "--decision.policy.watch-interval=200ms");
             ServiceInstance b = ServiceInstance.start(store, "--decision.policy.check-sample-size=20",
                     "--decision.policy.watch-interval=200ms")) {
            race(a, b);
        }
    }

    @Test
    void ofTwoPublishesOfTheSameVersionOnTwoReplicasSharingADatabaseExactlyOneWinsAndTheOtherNamesIt() throws Exception {
        PostgresPolicyStore.Database database = PostgresServer.shared().newDatabase();
        try (ServiceInstance a = ServiceInstance.onPostgres(database, "--decision.policy.check-sample-size=20");
             ServiceInstance b = ServiceInstance.onPostgres(database, "--decision.policy.check-sample-size=20")) {
            race(a, b);
        }
    }

    private static void race(ServiceInstance a, ServiceInstance b) throws Exception {
        List<String> winners = new ArrayList<>();
        winners.add(PolicyFixtures.activeVersion(a.admin()));
        for (int round = 0; round < ROUNDS; round++) {
            String active = winners.get(winners.size() - 1);
            // Each draft is made from the version its replica decides by: both must have followed the last win.
            awaitDeciding(a.shop(), active);
            awaitDeciding(b.shop(), active);
            // The MEDIUM voucher up by half a point each round, from 10.5 % to 20 % (the check refuses a draft that
            // lowers it, or raises it above the HIGH level's 20 %), the same percentage written two ways: two
            // different versions.
            BigDecimal percent = new BigDecimal("10.5").add(new BigDecimal("0.5").multiply(BigDecimal.valueOf(round)));
            // Both drafts at once: each replica checks its own.
            CompletableFuture<String> checkedA = CompletableFuture.supplyAsync(
                    () -> draft(a.admin(), percent.stripTrailingZeros().toPlainString()));
            String draftB = draft(b.admin(), percent.setScale(2).toPlainString());
            String draftA = checkedA.get(60, TimeUnit.SECONDS);

            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Reply> publishA = CompletableFuture.supplyAsync(() -> publish(a.admin(), draftA, start));
            CompletableFuture<Reply> publishB = CompletableFuture.supplyAsync(() -> publish(b.admin(), draftB, start));
            start.countDown();
            List<Reply> replies = List.of(publishA.get(60, TimeUnit.SECONDS), publishB.get(60, TimeUnit.SECONDS));

            assertThat(replies).extracting(Reply::status).as("round %d", round).containsExactlyInAnyOrder(201, 409);
            Reply won = replies.stream().filter(reply -> reply.status() == 201).findFirst().orElseThrow();
            Reply lost = replies.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
            String winner = won.json().get("versionId").asString();
            assertThat(lost.json().get("detail").asString()).contains(winner).contains(active);
            assertThat(PolicyFixtures.activeVersion(a.admin())).isEqualTo(winner);
            winners.add(winner);
        }
        // The history holds the release and each round's winner, nothing of the losers; both replicas decide by
        // the last winner.
        for (ServiceInstance replica : List.of(a, b)) {
            assertThat(replica.admin().get("/v1/policy/versions").json().get("versions").valueStream()
                    .map(version -> version.get("versionId").asString())).containsExactlyElementsOf(winners);
            awaitDeciding(replica.shop(), winners.get(winners.size() - 1));
        }
    }

    private static String draft(ServiceClient admin, String mediumVoucherPercent) {
        Reply draft = admin.postMultipart("/v1/policy/drafts",
                PolicyFixtures.upload(Drafts.mediumVoucherWithExamples(mediumVoucherPercent)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        return draft.json().get("draftId").asString();
    }

    private static Reply publish(ServiceClient admin, String draftId, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return admin.post("/v1/policy/drafts/" + draftId + "/publish", "application/json", "{\"comment\": \"race\"}");
    }

    /** Waits (at most 10 s) until the replica decides by the version, as it does once its watcher has seen it. */
    private static void awaitDeciding(ServiceClient shop, String version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String deciding = null;
        while (System.nanoTime() < deadline) {
            deciding = shop.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE)
                    .json().get("policyVersion").asString();
            if (deciding.equals(version)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(deciding).as("the version the replica decides by").isEqualTo(version);
    }
}
