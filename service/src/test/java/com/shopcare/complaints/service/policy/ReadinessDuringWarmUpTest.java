package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.service.ComplaintDecisionsApplication;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kubernetes sees while an instance starts: the port is open as soon as Tomcat runs (the warm-up sends its
 * requests through it), but readiness answers 503, with a body that does not say UP, until the policy is compiled
 * and warmed up; liveness answers 200 all along, so the instance is not restarted for being slow to warm.
 */
class ReadinessDuringWarmUpTest {

    @Test
    void readinessIs503WithoutUpUntilWarmThen200(@TempDir Path store) throws Exception {
        int port = freePort();
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(ComplaintDecisionsApplication.class).run("--server.port=" + port,
                        "--decision.policy.store=" + store, "--decision.policy.warm-up=true"));
        ServiceClient anonymous = new ServiceClient(port, null);
        List<Reply> whileStarting = new ArrayList<>();
        List<Integer> livenessWhileStarting = new ArrayList<>();
        try {
            while (!starting.isDone()) {
                Reply readiness = answerOrNull(anonymous, "/actuator/health/readiness");
                if (readiness != null && !starting.isDone()) {
                    whileStarting.add(readiness);
                    Reply liveness = answerOrNull(anonymous, "/actuator/health/liveness");
                    if (liveness != null) {
                        livenessWhileStarting.add(liveness.status());
                    }
                }
                Thread.sleep(10);
            }
            try (ConfigurableApplicationContext app = starting.get(2, TimeUnit.MINUTES)) {
                Reply ready = anonymous.get("/actuator/health/readiness");

                assertThat(whileStarting).as("readiness answers while warming up").isNotEmpty();
                assertThat(whileStarting).first().satisfies(first -> {
                    assertThat(first.status()).isEqualTo(503);
                    assertThat(first.body()).contains("OUT_OF_SERVICE").doesNotContain("UP\"");
                });
                assertThat(whileStarting).allSatisfy(reply -> assertThat(reply.body().contains("\"UP\""))
                        .as("UP in %s", reply.body()).isEqualTo(reply.status() == 200));
                assertThat(livenessWhileStarting).isNotEmpty().containsOnly(200);
                assertThat(ready.status()).isEqualTo(200);
                assertThat(ready.body()).contains("\"status\":\"UP\"");
            }
        } finally {
            starting.thenAccept(ConfigurableApplicationContext::close);
        }
    }

    /** The answer, or null while nothing listens on the port yet. */
    private static Reply answerOrNull(ServiceClient client, String path) {
        try {
            return client.get(path);
        } catch (UncheckedIOException notListeningYet) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
