package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.system.StoreUnavailableException;
import com.shopcare.complaints.service.system.StoreUnavailableException.Reason;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The policy store in PostgreSQL, for operators who run many replicas: versions, their files, drafts and the active
 * pointer in tables (schema in {@code db/policy-store}, applied by Flyway on open). Publishing is one transaction
 * that locks the pointer's row ({@code select ... for update}), compares it with the version the draft was based on,
 * writes the version and moves the pointer; of two replicas publishing at once, the second waits for the first's
 * commit, then sees the pointer moved. Moving the pointer sends {@code NOTIFY policy_store_active} with the commit, so
 * every replica follows at once; each also looks every {@code poll-interval} in case it missed a notice.
 */
public final class PostgresPolicyStore implements PolicyStore {

    /** The channel of the notice sent with each commit that moves the active pointer. */
    static final String CHANNEL = "policy_store_active";
    /** Taken while a new store is seeded, so that replicas starting together on an empty database seed it once. */
    private static final long SEED_LOCK = 0x706f6c6963790001L;
    private static final String FULL = "53100";
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(PostgresPolicyStore.class);

    /**
     * Where the database is.
     *
     * @param url          the JDBC URL, {@code jdbc:postgresql://host:5432/database}
     * @param pollInterval   how often a replica looks at the pointer although no notice came
     * @param connectTimeout how long a use of the store waits for a connection before it is answered 503
     */
    public record Database(String url, String username, String password, Duration pollInterval,
                           Duration connectTimeout) {

        public Database {
            pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        }

        @Override
        public String toString() {
            // Never the password: this record is logged and named in errors.
            return url + " as " + username;
        }
    }

    private final Database database;
    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean closed;
    private volatile Connection listening;

    private PostgresPolicyStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setPoolName("policy-store");
        // The store is read when a version is compiled, listed or published, not per decision: a few connections.
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(database.connectTimeout().toMillis());
        // The first connection is tried in open(), which names the database when it fails; not here.
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(pool);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    /**
     * Opens the store in the database, creating or updating its tables, and on an empty store publishing
     * {@code seed} as its first, active version.
     */
    public static PostgresPolicyStore open(Database database, PolicyFiles seed, Clock clock) {
        PostgresPolicyStore store = new PostgresPolicyStore(database, clock);
        try {
            Flyway.configure().dataSource(store.pool).locations("classpath:db/policy-store")
                    .table("policy_store_schema_history").load().migrate();
            store.inStore("the store could not be seeded", () -> store.transactions.execute(status -> {
                store.jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query().singleRow();
                if (store.active(false).isEmpty()) {
                    PolicyVersion first = store.newVersion(seed, "release", "the tables shipped with the release");
                    store.insert(first, seed);
                    store.moveActive(first.id());
                }
                return null;
            }));
        } catch (RuntimeException e) {
            store.close();
            throw new StoreUnavailableException(Reason.UNREACHABLE, "the policy store in PostgreSQL (" + database
                    + ") cannot be opened: " + rootMessage(e), e);
        }
        return store;
    }

    @Override
    public PolicyVersion newVersion(PolicyFiles files, String publishedBy, String comment) {
        return PolicyStore.newVersion(clock, files, publishedBy, comment);
    }

    @Override
    public PolicyVersion publish(PolicyFiles files, String publishedBy, String comment) {
        PolicyVersion version = newVersion(files, publishedBy, comment);
        return inStore("version " + version.id() + " could not be written",
                () -> transactions.execute(status -> insert(version, files)));
    }

    @Override
    public PolicyVersion publishActive(PolicyVersion version, PolicyFiles files, String basedOn) {
        return inStore("version " + version.id() + " could not be published", () -> transactions.execute(status -> {
            // The row lock is the compare-and-set: a replica publishing at the same time waits here for this commit.
            String active = active(true).orElse(null);
            if (!basedOn.equals(active)) {
                throw new ActiveMovedException(basedOn, active);
            }
            PolicyVersion written = insert(version, files);
            moveActive(written.id());
            return written;
        }));
    }

    @Override
    public void activate(String id) {
        inStore("version " + id + " could not be activated", () -> transactions.execute(status -> {
            active(true);
            if (versionRow(id).isEmpty()) {
                throw new IllegalArgumentException("no published version " + id);
            }
            moveActive(id);
            return null;
        }));
    }

    /** Writes the version and its files unless a version of that id exists (the same content in the same second). */
    private PolicyVersion insert(PolicyVersion version, PolicyFiles files) {
        int inserted = jdbc.sql("""
                        insert into policy_version (id, content_hash, published_by, published_at, comment, based_on,
                                                    approved_by, approved_at, approval_comment)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(version.id(), version.contentHash(), version.publishedBy(),
                        version.publishedAt().atOffset(ZoneOffset.UTC), version.comment(), version.basedOn(),
                        version.approval() == null ? null : version.approval().approvedBy(),
                        version.approval() == null ? null : version.approval().approvedAt().atOffset(ZoneOffset.UTC),
                        version.approval() == null ? null : version.approval().comment())
                .update();
        if (inserted == 0) {
            return versionRow(version.id()).orElseThrow();
        }
        files.all().forEach((name, content) -> jdbc.sql(
                        "insert into policy_version_file (version_id, name, content) values (?, ?, ?)")
                .params(version.id(), name, content).update());
        return version;
    }

    /** In the caller's transaction, which holds the pointer's row lock once the store has one. */
    private void moveActive(String id) {
        jdbc.sql("insert into policy_activation (activated_at, version_id) values (?, ?)")
                .params(OffsetDateTime.now(clock), id).update();
        int moved = jdbc.sql("update policy_active set version_id = ?").param(id).update();
        if (moved == 0) {
            jdbc.sql("insert into policy_active (version_id) values (?)").param(id).update();
        }
        // Delivered to every listening replica when, and only if, this transaction commits.
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, id).query().singleRow();
    }

    private Optional<String> active(boolean forUpdate) {
        return jdbc.sql("select version_id from policy_active" + (forUpdate ? " for update" : ""))
                .query(String.class).optional();
    }

    @Override
    public Optional<String> activeId() {
        return inStore("the active version could not be read", () -> active(false));
    }

    /** The pointer is a row whose foreign key names a version written in the same transaction: it cannot dangle. */
    @Override
    public Optional<String> damage() {
        return Optional.empty();
    }

    @Override
    public List<PolicyVersion> versions() {
        return inStore("the versions could not be listed", () -> jdbc.sql("""
                select %s from policy_version order by seq""".formatted(VERSION_COLUMNS)).query(PostgresPolicyStore::version).list());
    }

    @Override
    public Optional<PolicyVersion> version(String id) {
        if (!VERSION_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return inStore("version " + id + " could not be read", () -> versionRow(id));
    }

    private Optional<PolicyVersion> versionRow(String id) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from policy_version where id = ?")
                .param(id).query(PostgresPolicyStore::version).optional();
    }

    private static final String VERSION_COLUMNS =
            "id, content_hash, published_by, published_at, comment, based_on, approved_by, approved_at, approval_comment";

    private static PolicyVersion version(ResultSet row, int number) throws SQLException {
        OffsetDateTime approvedAt = row.getObject("approved_at", OffsetDateTime.class);
        return new PolicyVersion(row.getString("id"), row.getString("content_hash"), row.getString("published_by"),
                row.getObject("published_at", OffsetDateTime.class).toInstant(), row.getString("comment"),
                row.getString("based_on"), approvedAt == null ? null : new Approval(row.getString("approved_by"), approvedAt.toInstant(),
                        row.getString("approval_comment")));
    }

    @Override
    public List<String> fileNames(String id) {
        requirePublished(id);
        return inStore("the files of version " + id + " could not be listed", () -> jdbc.sql(
                "select name from policy_version_file where version_id = ? order by name").param(id)
                .query(String.class).list());
    }

    @Override
    public PolicyFiles files(String id) {
        requirePublished(id);
        return inStore("the files of version " + id + " could not be read",
                () -> files("select name, content from policy_version_file where version_id = ?", id));
    }

    private void requirePublished(String id) {
        if (version(id).isEmpty()) {
            throw new IllegalArgumentException("no published version " + id);
        }
    }

    private PolicyFiles files(String query, String id) {
        Map<String, byte[]> files = new TreeMap<>();
        jdbc.sql(query).param(id).query(row -> {
            files.put(row.getString("name"), row.getBytes("content"));
        });
        return PolicyFiles.of(files);
    }

    @Override
    public void saveDraft(String id, PolicyFiles files, byte[] description) {
        if (!DRAFT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a draft id: " + id);
        }
        inStore("draft " + id + " could not be written", () -> transactions.execute(status -> {
            int inserted = jdbc.sql("insert into policy_draft (id, saved_at, description) values (?, ?, ?)"
                            + " on conflict (id) do nothing")
                    .params(id, OffsetDateTime.now(clock), description).update();
            if (inserted == 1) {
                files.all().forEach((name, content) -> jdbc.sql(
                                "insert into policy_draft_file (draft_id, name, content) values (?, ?, ?)")
                        .params(id, name, content).update());
            }
            return null;
        }));
    }

    @Override
    public List<String> draftIds() {
        return inStore("the drafts could not be listed", () -> jdbc.sql(
                "select id from policy_draft order by saved_at desc, id").query(String.class).list());
    }

    @Override
    public void updateDraftDescription(String id, byte[] description) {
        int updated = inStore("draft " + id + " could not be updated", () -> jdbc.sql(
                "update policy_draft set description = ? where id = ?").params(description, id).update());
        if (updated == 0) {
            throw new IllegalArgumentException("no draft " + id);
        }
    }

    @Override
    public Optional<byte[]> draftDescription(String id) {
        if (!DRAFT_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return inStore("draft " + id + " could not be read", () -> jdbc.sql(
                "select description from policy_draft where id = ?").param(id).query(byte[].class).optional());
    }

    @Override
    public PolicyFiles draftFiles(String id) {
        if (draftDescription(id).isEmpty()) {
            throw new IllegalArgumentException("no draft " + id);
        }
        return inStore("draft " + id + " could not be read",
                () -> files("select name, content from policy_draft_file where draft_id = ?", id));
    }

    @Override
    public List<String> pruneDrafts(Duration maxAge, int maxCount) {
        return inStore("old drafts could not be deleted", () -> jdbc.sql("""
                        delete from policy_draft where saved_at < ?
                           or id not in (select id from policy_draft order by saved_at desc, id limit ?)
                        returning id""")
                .params(OffsetDateTime.now(clock).minus(maxAge), maxCount).query(String.class).list());
    }

    /**
     * Listens on {@link #CHANNEL} on a connection of its own, outside the pool, on a thread of its own; calls
     * {@code onChange} for each notice, after each (re)connection (a notice may have been missed meanwhile), and
     * every {@code poll-interval}. A lost connection is opened again after a pause.
     */
    @Override
    public boolean notifyChanges(Runnable onChange) {
        SimpleAsyncTaskExecutor thread = new SimpleAsyncTaskExecutor("policy-store-listener-");
        thread.setDaemon(true);
        thread.execute(() -> {
            while (!closed) {
                try (Connection listener = DriverManager.getConnection(database.url(), credentials())) {
                    listening = listener;
                    try (Statement listen = listener.createStatement()) {
                        listen.execute("listen " + CHANNEL);
                    }
                    PGConnection notices = listener.unwrap(PGConnection.class);
                    while (!closed) {
                        changed(onChange);
                        notices.getNotifications((int) database.pollInterval().toMillis());
                    }
                } catch (SQLException e) {
                    if (!closed) {
                        log.warn("Not told of policy changes by {} for now ({}); trying again in {} s", database,
                                e.getMessage(), RECONNECT_PAUSE.toSeconds());
                        pause();
                    }
                }
            }
        });
        return true;
    }

    private static void changed(Runnable onChange) {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            // The store may be unreachable for a moment; the next notice or poll looks again.
            log.warn("The policy store could not be read: {}", e.toString());
        }
    }

    private Properties credentials() {
        Properties credentials = new Properties();
        if (database.username() != null) {
            credentials.setProperty("user", database.username());
        }
        if (database.password() != null) {
            credentials.setProperty("password", database.password());
        }
        return credentials;
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection listener = listening;
        if (listener != null) {
            try {
                // Ends the listener's wait for a notice at once.
                listener.close();
            } catch (SQLException ignored) {
                // Closing anyway.
            }
        }
        pool.close();
    }

    /**
     * Runs one use of the database; a database that cannot be reached, or cannot take the write, becomes the
     * store's own exception naming what could not be done (a 503 or a 507), never a driver's.
     */
    private <T> T inStore(String what, Supplier<T> use) {
        try {
            return use.get();
        } catch (DataAccessException | CannotCreateTransactionException e) {
            SQLException cause = sqlCause(e);
            if (cause != null && FULL.equals(cause.getSQLState())) {
                throw new StoreUnavailableException(Reason.FULL, what + ": the database of the policy store is full", e);
            }
            if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                    || e instanceof CannotCreateTransactionException) {
                throw new StoreUnavailableException(Reason.UNREACHABLE, what + ": the policy store in PostgreSQL ("
                        + database + ") cannot be reached", e);
            }
            throw e;
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
