package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Replicas on one shared store (a shared volume), and a replica restarted after a crash in the middle of a publish. */
class ReplicasShareOneStoreTest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(5);

    @TempDir
    Path store;

    @Test
    void twoInstancesConvergeOnAPublishedVersionAndOnARollbackWithinFiveSeconds() throws Exception {
        try (ServiceInstance a = ServiceInstance.start(store, "--decision.policy.check-sample-size=100");
             ServiceInstance b = ServiceInstance.start(store, "--decision.policy.check-sample-size=100")) {
            String release = PolicyFixtures.activeVersion(a.admin());
            assertThat(decidingVersion(b.shop())).isEqualTo(release);

            String published = PolicyFixtures.publishMediumVoucher(a.admin(), 12);

            assertThat(decidingVersion(a.shop())).as("the publishing instance at once").isEqualTo(published);
            assertThat(timeUntilDeciding(b.shop(), published)).isLessThanOrEqualTo(CONVERGENCE);

            PolicyFixtures.activate(b.admin(), release);

            assertThat(timeUntilDeciding(a.shop(), release)).isLessThanOrEqualTo(CONVERGENCE);
        }
    }

    @Test
    void aRestartAfterACrashInTheMiddleOfAPublishServesThePreviousVersion() throws Exception {
        // The store as a first start leaves it: the shipped tables published and active.
        String before = FilePolicyStore.open(store, PolicyFiles.shipped(), Clock.systemUTC()).activeId().orElseThrow();
        // What a publish cut off by a crash leaves: a version folder and an active pointer still under their
        // temporary names, each half written (the rename that makes them real never happened).
        Path halfVersion = Files.createDirectories(store.resolve("versions/.tmp-3f2a9c"));
        byte[] table = Files.readAllBytes(store.resolve("versions/" + before + "/Compensation.dmn"));
        Files.write(halfVersion.resolve("Compensation.dmn"), java.util.Arrays.copyOf(table, table.length / 2));
        Files.writeString(store.resolve(".tmp-active-77c1"), "2026112");

        try (ServiceInstance restarted = ServiceInstance.start(store)) {
            assertThat(decidingVersion(restarted.shop())).isEqualTo(before);
            assertThat(restarted.admin().get("/v1/policy/versions").json().get("versions")).hasSize(1);
        }
        try (Stream<Path> leftovers = Stream.concat(Files.list(store), Files.list(store.resolve("versions")))) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".tmp-"));
        }
    }

    private static String decidingVersion(ServiceClient shop) {
        var reply = shop.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("policyVersion").asString();
    }

    /** How long until the instance decides by {@code version}; gives up (and returns what it waited) after 10 s. */
    private static Duration timeUntilDeciding(ServiceClient shop, String version) throws InterruptedException {
        long started = System.nanoTime();
        while (!decidingVersion(shop).equals(version) && System.nanoTime() - started < 10_000_000_000L) {
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
