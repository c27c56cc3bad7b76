package com.shopcare.complaints.service;

import com.shopcare.complaints.service.policy.PostgresPolicyStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests of the PostgreSQL policy store: Debian's {@code postgresql} binaries (which
 * {@code .ci/run} installs), a throwaway cluster in a temporary folder on a free port, started once for the test run
 * and stopped when the JVM ends. Each test gets a database of its own ({@link #newDatabase()}).
 */
public final class PostgresServer {

    private static final String USER = "policy";
    private static final AtomicInteger databases = new AtomicInteger();
    private static PostgresServer shared;

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asRoot;

    private PostgresServer(Path bin, Path data, int port, boolean asRoot) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The server of this test run, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    /** A new, empty database on the server, as the store's connection settings. */
    public PostgresPolicyStore.Database newDatabase() {
        String name = "store_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement create = admin.createStatement()) {
            create.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("the test database could not be created", e);
        }
        return new PostgresPolicyStore.Database(url(name), USER, "", Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() {
        Path bin = binaries();
        // The server refuses to run as root: as root (CI machines), it runs as the postgres user Debian's package made.
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path data = Files.createTempDirectory("policy-store-postgres-");
            if (asRoot) {
                UserPrincipal postgres = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(data, postgres);
            }
            PostgresServer server = new PostgresServer(bin, data, freePort(), asRoot);
            server.run("initdb", "-D", data.resolve("cluster").toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                    "--no-sync");
            // No fsync: a test cluster is thrown away; the store's transactions behave the same.
            server.run("pg_ctl", "-D", data.resolve("cluster").toString(), "-l", data.resolve("log").toString(), "-w",
                    "-t", "60", "-o", "-p " + server.port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c max_connections=200", "start");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("a test PostgreSQL server could not be started", e);
        }
    }

    private void stop() {
        try {
            run("pg_ctl", "-D", data.resolve("cluster").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A temporary folder: left for the system to clean.
            }
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Debian installs the server's programs under /usr/lib/postgresql/VERSION/bin, outside the PATH. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The tests of the PostgreSQL policy store need Debian's PostgreSQL server:"
                    + " apt-get install -y postgresql (.ci/run installs it).", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
