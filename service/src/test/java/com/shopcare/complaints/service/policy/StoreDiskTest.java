package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.check.Drafts;
import com.shopcare.complaints.service.ServiceClient.Part;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The folder store on a real file system of its own (a 4 MB tmpfs) that fills up, then turns read-only: a lead's
 * draft is answered 507 or 503 naming the store, never a 500, and shops are decided for throughout. Mounting needs
 * root, as on the CI machines; elsewhere the test is skipped, and says so.
 */
class StoreDiskTest {

    private static Path disk;

    @BeforeAll
    static void mountASmallDisk() throws Exception {
        disk = Files.createTempDirectory("policy-store-disk-");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()),
                "mounting a 4 MB tmpfs for the store needs root");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (disk != null) {
            run("umount", disk.toString());
        }
    }

    @Test
    void fullDiskIs507AndReadOnlyDiskIs503WhileShopsAreStillDecidedFor() throws Exception {
        try (ServiceInstance instance = ServiceInstance.start(disk.resolve("store"), "--decision.policy.check-sample-size=20")) {
            Path ballast = disk.resolve("ballast");
            fill(ballast);

            Reply full = draft(instance);

            assertThat(full.status()).as(full.body()).isEqualTo(507);
            assertThat(full.contentType()).startsWith("application/problem+json");
            assertThat(full.json().get("type").asString()).endsWith("/policy-store-full");
            assertThat(full.json().get("detail").asString()).contains("disk of the policy store is full");
            assertThat(decide(instance)).isEqualTo(200);

            Files.delete(ballast);
            assertThat(run("mount", "-o", "remount,ro", disk.toString())).isTrue();
            try {
                Reply readOnly = draft(instance);

                assertThat(readOnly.status()).as(readOnly.body()).isEqualTo(503);
                assertThat(readOnly.json().get("type").asString()).endsWith("/policy-store-unavailable");
                assertThat(readOnly.json().get("detail").asString()).contains("read-only");
                assertThat(decide(instance)).isEqualTo(200);
            } finally {
                run("mount", "-o", "remount,rw", disk.toString());
            }
            // Room again, writable again: the same draft goes through.
            assertThat(draft(instance).status()).isEqualTo(201);
        }
    }

    private static Reply draft(ServiceInstance instance) {
        return instance.admin().postMultipart("/v1/policy/drafts", PolicyFixtures.mediumVoucher(12));
    }

    private static int decide(ServiceInstance instance) {
        return instance.shop().post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).status();
    }

    /** Writes until the file system has no room left. */
    private static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
