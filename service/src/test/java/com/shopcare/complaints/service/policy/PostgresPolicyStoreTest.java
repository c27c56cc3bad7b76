package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.PostgresServer;
import com.shopcare.complaints.service.system.StoreUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy store in a real PostgreSQL server (a database of its own per test), and what every store does. */
class PostgresPolicyStoreTest extends PolicyStoreContract {

    private PostgresPolicyStore.Database database;

    @BeforeEach
    void newDatabase() {
        database = PostgresServer.shared().newDatabase();
    }

    @Override
    PolicyStore openStore() {
        return PostgresPolicyStore.open(database, PolicyFiles.shipped(), clock);
    }

    @Test
    void replicaIsToldOfAnotherReplicasPublishAtOnce() throws Exception {
        PolicyStore publishing = open();
        PolicyStore following = open();
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        assertThat(following.notifyChanges(() -> seen.add(following.activeId().orElseThrow()))).isTrue();
        String release = publishing.activeId().orElseThrow();
        // Told once on connecting (a notice may have been missed before): then it listens.
        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(release);

        String published = publishing.publishActive(publishing.newVersion(edited(), "ops", "edit"), edited(), release).id();

        // Well before the 30 s poll: the notice came with the commit.
        assertThat(seen.poll(2, TimeUnit.SECONDS)).isEqualTo(published);
    }

    @Test
    void aStoreMadeBeforeScenarioFilesAndApprovalsIsUpgradedKeepingItsVersionsAndActivePointer() throws Exception {
        // The schema and the rows as the first release of this store wrote them: its version 1 only.
        org.flywaydb.core.Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations("classpath:db/policy-store").table("policy_store_schema_history").target("1").load().migrate();
        PolicyFiles old = PolicyFiles.shipped();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(database.url(), database.username(),
                database.password())) {
            var version = connection.prepareStatement("insert into policy_version (id, content_hash, published_by,"
                    + " published_at, comment) values ('20261101-090000-000000000001', ?, 'ops', now(), 'before')");
            version.setString(1, old.contentHash());
            version.executeUpdate();
            for (var file : old.files().entrySet()) {
                var insert = connection.prepareStatement("insert into policy_version_file (version_id, name, content)"
                        + " values ('20261101-090000-000000000001', ?, ?)");
                insert.setString(1, file.getKey());
                insert.setBytes(2, file.getValue());
                insert.executeUpdate();
            }
            connection.createStatement().executeUpdate(
                    "insert into policy_active (version_id) values ('20261101-090000-000000000001')");
        }

        PolicyStore upgraded = open();

        assertThat(upgraded.activeId()).hasValue("20261101-090000-000000000001");
        assertThat(upgraded.versions()).singleElement().satisfies(version -> {
            assertThat(version.comment()).isEqualTo("before");
            assertThat(version.basedOn()).isNull();
            assertThat(version.approval()).isNull();
        });
        assertThat(upgraded.files("20261101-090000-000000000001").scenarios()).isEmpty();
        assertThat(upgraded.files("20261101-090000-000000000001").contentHash()).isEqualTo(old.contentHash());
    }

    @Test
    void unreachableDatabaseIsAStoreUnavailableNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PostgresPolicyStore.Database nowhere = new PostgresPolicyStore.Database(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/store", "policy", "secret", null, Duration.ofMillis(500));

        assertThatThrownBy(() -> PostgresPolicyStore.open(nowhere, PolicyFiles.shipped(), clock))
                .isInstanceOfSatisfying(StoreUnavailableException.class,
                        unavailable -> assertThat(unavailable.reason()).isEqualTo(StoreUnavailableException.Reason.UNREACHABLE))
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .satisfies(unavailable -> assertThat(unavailable.getMessage()).doesNotContain("secret"));
    }
}
