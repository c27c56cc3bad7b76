package com.shopcare.complaints.service.system;

import com.shopcare.complaints.service.ComplaintDecisionsApplication;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.decision.Requests;
import com.shopcare.complaints.scenarios.ScenarioBook;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment stops an instance with SIGTERM (Kubernetes does, before it kills). A decision already in flight
 * must still be answered, and its decision log line written. The service runs as a real process here, with the
 * production logging configuration and warm-up, and the test sends it a real SIGTERM while a request is half sent.
 */
class GracefulShutdownTest {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern DECISION_ID = Pattern.compile("\"decisionId\":\"([^\"]+)\"");
    // Spring Boot's console pattern: time, level, process id, application and thread names, logger, message.
    private static final Pattern DECISION_LINE = Pattern.compile("\\S+ +INFO \\d+ --- .*\\bdecisions +: decision "
            + "decisionId=[-0-9a-f]{36} shopId=[-\\w]+ policyVersion=[-\\w]+ level=[A-Z]+ path=[A-Z_]+ durationMicros=\\d+");

    @Test
    void decisionInFlightIsAnsweredAfterSigterm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process service = new ProcessBuilder(java.toString(), "-Xmx512m",
                // The client compiler only: C2 takes 2 of the 7 s of CPU of a start on two cores (ADR 0005), and what
                // this test asserts, the warm-up's requests, the stop and the decision log, does not depend on it.
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                ComplaintDecisionsApplication.class.getName(), "--server.port=0",
                // The tests' logback-test.xml is on this class path; the service's own configuration writes the decision log.
                "--logging.config=classpath:logback-spring.xml",
                // As in production: the instance decides the scenario examples through its own endpoint before it is UP.
                "--decision.policy.warm-up=true",
                // The production timeout for a client that stops sending: the request below pauses half-way for 1.5 s.
                "--server.tomcat.connection-timeout=5s")
                .redirectErrorStream(true).start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLog(service.getInputStream(), log, port));
        reader.setDaemon(true);
        reader.start();
        try {
            int servicePort = port.get(120, TimeUnit.SECONDS);
            awaitReady(servicePort);
            assertThat(log).as("the warm-up sent every scenario example through the endpoint, twice")
                    .containsPattern("HTTP warm-up: " + 2 * ScenarioBook.shipped().examples().size()
                            + " requests in \\d+ ms, 0 not answered 200")
                    .containsPattern("decided the " + ScenarioBook.shipped().examples().size()
                            + " scenario examples as expected");
            byte[] body = Requests.DOCUMENTED_EXAMPLE.getBytes(StandardCharsets.UTF_8);
            // A few decisions before the one in flight, so that the log writer has several lines to batch.
            ServiceClient shop = new ServiceClient(servicePort);
            for (int i = 0; i < 3; i++) {
                assertThat(shop.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).status()).isEqualTo(200);
            }
            String lastDecisionId;

            try (Socket socket = new Socket("127.0.0.1", servicePort)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestKeys.SHOP_EU_1
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                Thread.sleep(500);

                // SIGTERM through the process handle: Process.destroy() would also close this side of the child's
                // output pipe, and the lines it writes while stopping would be lost.
                service.toHandle().destroy();
                Thread.sleep(1_000);
                assertThat(service.isAlive()).as("the instance waits for the request in flight").isTrue();
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(response).startsWith("HTTP/1.1 200").contains("\"decisionId\"", "\"shopId\":\"shop-eu-1\"");
                Matcher decisionId = DECISION_ID.matcher(response);
                assertThat(decisionId.find()).isTrue();
                lastDecisionId = decisionId.group(1);
            }
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("the instance stops once the request is answered").isTrue();
            reader.join(10_000);
            // The decision log is written by a background thread; stopping the instance must not lose its last lines.
            assertThat(log).contains("decision decisionId=" + lastDecisionId + " shopId=shop-eu-1");
            // The writer sends the lines to standard output in batches, alongside the other loggers: each line whole.
            // The warm-up's hundreds of decisions are not logged: only the shop's four are.
            assertThat(log.toString().lines().filter(line -> line.contains("decisionId=")))
                    .hasSize(4)
                    .allMatch(line -> DECISION_LINE.matcher(line).matches())
                    .allMatch(line -> line.contains("shopId=shop-eu-1"));
        } finally {
            service.destroyForcibly();
        }
    }

    /** Ready as a load balancer sees it: warmed up and reporting UP. */
    private static void awaitReady(int port) throws InterruptedException {
        ServiceClient client = new ServiceClient(port, TestKeys.SHOP_EU_1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"UP".equals(client.get("/actuator/health").json().get("status").asString())) {
            assertThat(Instant.now()).as("the instance reports ready").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void readLog(InputStream output, StringBuffer log, CompletableFuture<Integer> port) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.append(line).append('\n');
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    port.complete(Integer.parseInt(started.group(1)));
                }
            }
        } catch (java.io.IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("the service stopped before it started:\n" + log));
    }
}
