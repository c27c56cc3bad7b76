package com.shopcare.complaints.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service jar, started as a separate process on a free loopback port, ready once its readiness probe
 * answers 200. {@link #close()} stops it; a shutdown hook stops it too when the test JVM is ended first (Ctrl-C,
 * SIGTERM, surefire's fork timeout).
 */
final class RunningService implements AutoCloseable {

    /** Cold start on two cores with the policy's warm-up takes 10-20 s; this leaves room for a busy machine. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final Process process;
    private final Thread stopOnJvmExit;
    private final URI baseUri;
    private final Path log;

    private RunningService(Process process, Thread stopOnJvmExit, URI baseUri, Path log) {
        this.process = process;
        this.stopOnJvmExit = stopOnJvmExit;
        this.baseUri = baseUri;
        this.log = log;
    }

    static RunningService start(Path jar, Map<String, String> environment, List<String> arguments, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The service jar " + jar.toAbsolutePath().normalize() + " does not exist."
                    + " Package the service first: ./mvnw -q -pl api-spec,service -am -DskipTests package"
                    + " (./mvnw verify at the root packages it before this module).");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // DECISION_* variables of the developer's shell (a PostgreSQL store, real keys) would change what is tested.
        builder.environment().keySet().removeIf(name -> name.startsWith("DECISION_"));
        builder.environment().putAll(environment);
        Files.createDirectories(log.toAbsolutePath().getParent());

        Process process = builder.start();
        Thread stopOnJvmExit = new Thread(process::destroyForcibly, "stop-service-under-test");
        Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
        RunningService service = new RunningService(process, stopOnJvmExit, URI.create("http://127.0.0.1:" + port), log);
        try {
            service.awaitReadiness();
        } catch (Throwable e) {
            service.close();
            throw e;
        }
        return service;
    }

    URI baseUri() {
        return baseUri;
    }

    private void awaitReadiness() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(baseUri.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service ended with exit code " + process.exitValue()
                        + " before it was ready; its log " + log.toAbsolutePath() + " ends with:\n" + logTail());
            }
            try {
                lastStatus = http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notListeningYet) {
                // Tomcat is not up yet; 503 comes once it is, until the warm-up is done.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service was not ready within " + READY_WITHIN.toSeconds()
                + " s (last readiness status " + lastStatus + "); its log " + log.toAbsolutePath() + " ends with:\n"
                + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** SIGTERM first (the service shuts down gracefully in well under its 20 s), then forcibly. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook is running or about to; it stops the process anyway.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
