package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.engine.PolicyFiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Where published policy versions, drafts and the active pointer live, shared by every replica. Two kinds, chosen by
 * configuration: {@link FilePolicyStore}, a folder (the embedded default; replicas share it on a volume), and
 * {@link PostgresPolicyStore}, tables in PostgreSQL for operators who run many replicas.
 * <p>
 * A version is immutable once published. The active pointer only ever moves by compare-and-set
 * ({@link #publishActive}) or by an operator's activation ({@link #activate}), under a lock every replica honours.
 */
public interface PolicyStore extends AutoCloseable {

    /**
     * The record of one published version; its files are read with {@link #files(String)}.
     *
     * @param basedOn  the version the draft it was published from was based on; null for a store's first version, and
     *                 for versions published before that was recorded
     * @param approval the second admin's approval, or null where none was required
     */
    record PolicyVersion(String id, String contentHash, String publishedBy, Instant publishedAt, String comment,
                         String basedOn, Approval approval) {

        /** The same record, published from a draft of {@code basedOn}, with its approval if it had one. */
        PolicyVersion fromDraft(String basedOn, Approval approval) {
            return new PolicyVersion(id, contentHash, publishedBy, publishedAt, comment, basedOn, approval);
        }
    }

    /** Who approved a draft, when and why. */
    record Approval(String approvedBy, Instant approvedAt, String comment) {
    }

    Pattern VERSION_ID = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{12}");
    Pattern DRAFT_ID = Pattern.compile("d-[0-9a-f]{16}");

    /** The record a publish of these files would write at the clock's second; nothing is written. */
    static PolicyVersion newVersion(Clock clock, PolicyFiles files, String publishedBy, String comment) {
        String hash = files.contentHash();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
        return new PolicyVersion(time + "-" + hash.substring(0, 12), hash, publishedBy, now, comment, null, null);
    }

    /** A new draft id; drafts live in the store, so that any replica can show or publish them. */
    static String newDraftId() {
        return "d-" + String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    /** The record a publish of these files would write now; nothing is written. */
    PolicyVersion newVersion(PolicyFiles files, String publishedBy, String comment);

    /** Writes the files as a new, inactive version and returns it (the same content in the same second is that one). */
    PolicyVersion publish(PolicyFiles files, String publishedBy, String comment);

    /**
     * Publishes a version made by {@link #newVersion} and makes it the active one, only if the active version is
     * still {@code basedOn}, across every replica. When another version has become active meanwhile, nothing is
     * written and {@link ActiveMovedException} names it.
     */
    PolicyVersion publishActive(PolicyVersion version, PolicyFiles files, String basedOn);

    /** Makes a published version the active one. */
    void activate(String id);

    /** The id of the active version; empty only before the store has been opened once. */
    Optional<String> activeId();

    /** Why the active pointer cannot be followed (the store serves an older version meanwhile), or empty. */
    Optional<String> damage();

    /** Every published version, oldest first. */
    List<PolicyVersion> versions();

    Optional<PolicyVersion> version(String id);

    /** The names of the files of a published version. */
    List<String> fileNames(String id);

    /** The files of a published version: its tables, and its scenario files where it was published with them. */
    PolicyFiles files(String id);

    /** Writes a draft: its files (the whole policy) and its description (the check report). */
    void saveDraft(String id, PolicyFiles files, byte[] description);

    /** The ids of the saved drafts, the newest first. */
    List<String> draftIds();

    /** Replaces the description of a saved draft (an approval added to it); its files never change. */
    void updateDraftDescription(String id, byte[] description);

    /** A draft's description as saved; empty when there is no such draft. */
    Optional<byte[]> draftDescription(String id);

    /** The files of a draft: the whole policy, tables and scenario files. */
    PolicyFiles draftFiles(String id);

    /**
     * Deletes the drafts older than {@code maxAge}, and of the rest all but the {@code maxCount} newest. Drafts are
     * never published by themselves: an old one is of no use, and unbounded they fill the store.
     *
     * @return the ids of the drafts deleted
     */
    List<String> pruneDrafts(Duration maxAge, int maxCount);

    /**
     * Asks to be told, on a thread of the store's, when the active pointer may have moved. Returns false for a store
     * that cannot tell (it is then looked at every {@code watch-interval}); true for one that pushes changes, which
     * is then only looked at now and then in case a notice was missed.
     */
    default boolean notifyChanges(Runnable onChange) {
        return false;
    }

    /** Releases what the store holds open (connections, a listener); a folder holds nothing. */
    @Override
    default void close() {
    }

    /** The active version was no longer the one a publish was based on. */
    final class ActiveMovedException extends RuntimeException {

        private final String active;

        ActiveMovedException(String basedOn, String active) {
            super("the active version is " + active + ", not " + basedOn);
            this.active = active;
        }

        /** The version that became active meanwhile. */
        public String active() {
            return active;
        }
    }

    /** The active pointer is damaged: nothing is published until an operator activates a version. */
    final class DamagedStoreException extends RuntimeException {

        DamagedStoreException(String damage) {
            super(damage + "; publishing is refused until an operator activates a version"
                    + " (POST /v1/policy/versions/{versionId}/activate), which repairs it");
        }
    }
}
