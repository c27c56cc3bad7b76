package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.system.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The policy store as a folder, the embedded default. Published policy versions on disk: each an immutable folder of DMN files with who published it, when and why, and
 * one file naming the active version. Several replicas may share the folder (a shared volume).
 * <p>
 * Every write goes to a temporary name first, is forced to disk, and is then renamed into place, which the file
 * system does atomically: a crash in the middle of a publish leaves a temporary folder that the next start
 * removes, never a half-written version, and the active version stays the last one completely written.
 * <pre>
 * store/
 *   versions/20261123-091502-486eb614153e/   one folder per version: its files and version.json
 *   active                                   the id of the active version
 *   active-history                           every activation, one line each: when, and which version
 *   drafts/d-5f0c2a9e81b34d7c/               one folder per draft: its files and draft.json (its check report)
 * </pre>
 * When {@code active} is damaged (unreadable, not an id, or naming a version that is missing or whose files no longer
 * match its content hash), the store serves the newest version of the history that is still complete, says so in
 * an error log line, and refuses publishes until an operator activates a version (which rewrites the pointer).
 */
public final class FilePolicyStore implements PolicyStore {

    private static final String VERSIONS = "versions";
    private static final String DRAFTS = "drafts";
    private static final String DRAFT_METADATA = "draft.json";
    private static final String ACTIVE = "active";
    private static final String ACTIVE_HISTORY = "active-history";
    /** Held while the active pointer is compared and moved (see {@link StoreLock}). */
    private static final String ACTIVE_LOCK = ".lock-active";
    private static final String METADATA = "version.json";
    /**
     * In a version's folder while its publish is under way: written with the folder, deleted once the pointer names
     * it. A crash in between leaves a complete version that was never active; the next start deletes it.
     */
    private static final String PENDING = ".pending";
    private static final String TEMPORARY_PREFIX = ".tmp-";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(FilePolicyStore.class);

    private final Path root;
    private final Path versions;
    private final Path drafts;
    private final Clock clock;
    /** The last id of {@code active} found complete: checked again only when the pointer names another. */
    private volatile String verified;
    /** Why {@code active} cannot be followed, or null while it can; set by {@link #activeId()}. */
    private volatile String damage;

    private FilePolicyStore(Path root, Clock clock) {
        this.root = root;
        this.versions = root.resolve(VERSIONS);
        this.drafts = root.resolve(DRAFTS);
        this.clock = clock;
    }

    /**
     * Opens the store at {@code root}, creating it on first use and publishing {@code seed} (the tables shipped with
     * the release) as its first, active version. Removes what an interrupted publish left behind.
     */
    public static FilePolicyStore open(Path root, PolicyFiles seed, Clock clock) {
        FilePolicyStore store = new FilePolicyStore(root, clock);
        try {
            Files.createDirectories(store.versions);
            Files.createDirectories(store.drafts);
            store.removeLeftovers();
            if (Files.notExists(root.resolve(ACTIVE))) {
                // Under the lock, and looked at again inside it: replicas starting on a new store at once seed it once.
                try (StoreLock lock = StoreLock.take(root.resolve(ACTIVE_LOCK))) {
                    if (Files.notExists(root.resolve(ACTIVE))) {
                        PolicyVersion first = store.versions().stream().reduce((a, b) -> b)
                                .orElseGet(() -> store.publish(seed, "release", "the tables shipped with the release"));
                        store.moveActive(first.id());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the policy store " + root.toAbsolutePath() + " cannot be opened", e);
        }
        return store;
    }

    @Override
    public PolicyVersion publish(PolicyFiles files, String publishedBy, String comment) {
        return write(newVersion(files, publishedBy, comment), files, false);
    }

    @Override
    public PolicyVersion newVersion(PolicyFiles files, String publishedBy, String comment) {
        return PolicyStore.newVersion(clock, files, publishedBy, comment);
    }

    /** Compare-and-set across every replica sharing the folder, under {@link #ACTIVE_LOCK}. */
    @Override
    public PolicyVersion publishActive(PolicyVersion version, PolicyFiles files, String basedOn) {
        try (StoreLock lock = StoreLock.take(root.resolve(ACTIVE_LOCK))) {
            String active = activeId().orElse(null);
            if (damage != null) {
                throw new DamagedStoreException(damage);
            }
            if (!basedOn.equals(active)) {
                throw new ActiveMovedException(basedOn, active);
            }
            PolicyVersion written = write(version, files, true);
            moveActive(written.id());
            settle(written.id());
            return written;
        }
    }

    private PolicyVersion write(PolicyVersion version, PolicyFiles files, boolean pending) {
        Map<String, byte[]> record = new TreeMap<>(Map.of(METADATA, JSON.writeValueAsBytes(version)));
        if (pending) {
            record.put(PENDING, new byte[0]);
        }
        // Written only if no version of that id exists: the same content published within the same second is that
        // version, already complete.
        if (!writeFolder(versions, version.id(), files, record)) {
            return record(version.id()).orElseThrow();
        }
        return version;
    }

    /** The pointer names the version now: it is published. */
    private void settle(String id) {
        try {
            Files.deleteIfExists(versions.resolve(id).resolve(PENDING));
        } catch (IOException e) {
            // Listed all the same while it is the active one; the next start deletes the marker.
            log.warn("Version {} is active, but its publish marker could not be deleted: {}", id, e.toString());
        }
    }

    @Override
    public void activate(String id) {
        // The same lock as publishActive: a rollback never interleaves with another replica's compare-and-set.
        try (StoreLock lock = StoreLock.take(root.resolve(ACTIVE_LOCK))) {
            publishedFolder(id);
            moveActive(id);
        }
    }

    /**
     * Points {@code active} at a written version (published, or being published by the caller), after noting it in
     * the history; the caller holds {@link #ACTIVE_LOCK}.
     */
    private void moveActive(String id) {
        if (record(id).isEmpty()) {
            throw new IllegalArgumentException("no published version " + id);
        }
        Path temporary = root.resolve(TEMPORARY_PREFIX + ACTIVE + "-" + randomSuffix());
        try {
            // First the history: a crash between the two leaves a history entry the pointer never reached, harmless.
            try (FileChannel history = FileChannel.open(root.resolve(ACTIVE_HISTORY), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                history.write(java.nio.ByteBuffer.wrap((clock.instant() + " " + id + "\n").getBytes(StandardCharsets.UTF_8)));
                history.force(true);
            }
            writeDurably(temporary, id.getBytes(StandardCharsets.UTF_8));
            moveAtomically(temporary, root.resolve(ACTIVE));
            force(root);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw failure("version " + id + " could not be activated", e);
        }
    }

    /**
     * The id of the active version; empty only before the store has been opened once. When {@code active} is
     * damaged, the newest version of the history that is still complete (or, in a store older than its history, the
     * newest complete version), with {@link #damage()} saying why.
     */
    @Override
    public Optional<String> activeId() {
        String named;
        try {
            named = Files.readString(root.resolve(ACTIVE), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            named = null;
        }
        if (named != null && (named.equals(verified) || isComplete(named))) {
            verified = named;
            damage = null;
            return Optional.of(named);
        }
        String problem = named == null ? "the active pointer (" + root.resolve(ACTIVE) + ") cannot be read"
                : !VERSION_ID.matcher(named).matches() ? "the active pointer (" + root.resolve(ACTIVE) + ") names no version"
                : "the active pointer names version " + named + ", which is missing or incomplete";
        Optional<String> fallback = lastCompleteActivation();
        if (!problem.equals(damage)) {
            log.error("POLICY STORE DAMAGED: {}; serving {} instead, the newest complete version that was active before."
                    + " Publishing is refused until an operator activates a version.", problem, fallback.orElse("nothing"));
        }
        damage = problem;
        return fallback;
    }

    /** As of the last {@link #activeId()}. */
    @Override
    public Optional<String> damage() {
        return Optional.ofNullable(damage);
    }

    private Optional<String> lastCompleteActivation() {
        List<String> activated;
        try {
            activated = activations();
        } catch (NoSuchFileException e) {
            // A store written before the history: the newest complete version is the best guess left.
            return versions().stream().map(PolicyVersion::id).filter(this::isComplete).reduce((a, b) -> b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = activated.size() - 1; i >= 0; i--) {
            if (isComplete(activated.get(i))) {
                return Optional.of(activated.get(i));
            }
        }
        return Optional.empty();
    }

    /** The ids of the history, oldest activation first. */
    private List<String> activations() throws IOException {
        List<String> activated = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(ACTIVE_HISTORY), StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2) {
                activated.add(parts[1]);
            }
        }
        return activated;
    }

    /** True when the version's record is readable and its files still have the content hash it was published with. */
    private boolean isComplete(String id) {
        Optional<PolicyVersion> version = record(id);
        try {
            return version.isPresent() && readFiles(versions.resolve(id)).contentHash().equals(version.get().contentHash());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public List<PolicyVersion> versions() {
        List<PolicyVersion> all = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(versions)) {
            for (Path folder : folders) {
                version(folder.getFileName().toString()).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Ids and records have the second of the publish; within one second, versions that became active are listed
        // in the order they did (a publish activates what it writes), then the others.
        Map<String, Integer> activatedAt = new java.util.HashMap<>();
        try {
            List<String> activated = activations();
            for (int i = activated.size() - 1; i >= 0; i--) {
                activatedAt.put(activated.get(i), i);
            }
        } catch (IOException e) {
            // No history (an older store) or none readable: by id within the second.
        }
        all.sort(Comparator.comparing(PolicyVersion::publishedAt)
                .thenComparing(version -> activatedAt.getOrDefault(version.id(), Integer.MAX_VALUE))
                .thenComparing(PolicyVersion::id));
        return all;
    }

    /** A published version: not one whose publish is under way or was cut off, unless the pointer names it. */
    @Override
    public Optional<PolicyVersion> version(String id) {
        if (!VERSION_ID.matcher(id).matches()
                || Files.exists(versions.resolve(id).resolve(PENDING)) && !id.equals(activePointer())) {
            return Optional.empty();
        }
        return record(id);
    }

    /** What {@code active} names, unchecked; null when it cannot be read. */
    private String activePointer() {
        try {
            return Files.readString(root.resolve(ACTIVE), StandardCharsets.UTF_8).strip();
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The version's record as written, published or not. */
    private Optional<PolicyVersion> record(String id) {
        if (!VERSION_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Optional<byte[]> metadata = readIfPresent(versions.resolve(id).resolve(METADATA));
        try {
            return metadata.map(json -> JSON.readValue(json, PolicyVersion.class));
        } catch (JacksonException e) {
            // One damaged record must not take the list or the other versions with it: that version is not served.
            log.warn("The record of policy version {} cannot be read, so the version is left out: {}", id,
                    e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** Without reading them. */
    @Override
    public List<String> fileNames(String id) {
        try (Stream<Path> entries = Files.list(publishedFolder(id))) {
            return entries.map(path -> path.getFileName().toString()).filter(PolicyFileNames::isFileName)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PolicyFiles files(String id) {
        return readFiles(publishedFolder(id));
    }

    /** The folder of a published version; version() checks the id's form before it is used as a path. */
    private Path publishedFolder(String id) {
        if (version(id).isEmpty()) {
            throw new IllegalArgumentException("no published version " + id);
        }
        return versions.resolve(id);
    }

    private static PolicyFiles readFiles(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(path -> PolicyFileNames.isFileName(path.getFileName().toString())).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PolicyFiles.of(files);
    }

    /** Atomically like a version. */
    @Override
    public void saveDraft(String id, PolicyFiles files, byte[] description) {
        if (!DRAFT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a draft id: " + id);
        }
        writeFolder(drafts, id, files, Map.of(DRAFT_METADATA, description));
        try {
            // The store's clock, not the file system's: the age a later prune compares is the store's own.
            Files.setLastModifiedTime(drafts.resolve(id), FileTime.from(clock.instant()));
        } catch (IOException e) {
            throw failure("draft " + id + " could not be dated", e);
        }
    }

    @Override
    public List<String> draftIds() {
        return datedDrafts().stream().map(DatedDraft::id).toList();
    }

    /** A draft and when it was saved, by the store's clock. */
    private record DatedDraft(String id, Instant saved) {
    }

    /** The drafts, the newest first. */
    private List<DatedDraft> datedDrafts() {
        List<DatedDraft> dated = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(drafts)) {
            for (Path folder : entries) {
                String id = folder.getFileName().toString();
                if (DRAFT_ID.matcher(id).matches()) {
                    dated.add(new DatedDraft(id, Files.getLastModifiedTime(folder).toInstant()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the drafts could not be listed", e);
        }
        dated.sort(Comparator.comparing(DatedDraft::saved).reversed().thenComparing(DatedDraft::id));
        return dated;
    }

    @Override
    public List<String> pruneDrafts(Duration maxAge, int maxCount) {
        Instant oldest = clock.instant().minus(maxAge);
        List<DatedDraft> dated = datedDrafts();
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            if (i >= maxCount || dated.get(i).saved().isBefore(oldest)) {
                // Another replica may be deleting it too: gone either way.
                deleteQuietly(drafts.resolve(dated.get(i).id()));
                deleted.add(dated.get(i).id());
            }
        }
        return deleted;
    }

    /**
     * Writes {@code parent/name/} with the files and the record's files, all under a temporary name first, forced to
     * disk, then renamed into place. Returns false, writing nothing, when the folder already exists.
     */
    private static boolean writeFolder(Path parent, String name, PolicyFiles files, Map<String, byte[]> record) {
        Path temporary = parent.resolve(TEMPORARY_PREFIX + randomSuffix());
        try {
            Files.createDirectory(temporary);
            for (Map.Entry<String, byte[]> file : files.all().entrySet()) {
                writeDurably(temporary.resolve(checkedName(file.getKey())), file.getValue());
            }
            for (Map.Entry<String, byte[]> file : record.entrySet()) {
                writeDurably(temporary.resolve(file.getKey()), file.getValue());
            }
            force(temporary);
            Path target = parent.resolve(name);
            if (Files.exists(target)) {
                deleteTree(temporary);
                return false;
            }
            moveAtomically(temporary, target);
            force(parent);
            return true;
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw failure(parent.getFileName() + "/" + name + " could not be written", e);
        }
    }

    /** Written under a temporary name and renamed over the old one, so that a reader sees one or the other. */
    @Override
    public void updateDraftDescription(String id, byte[] description) {
        if (draftDescription(id).isEmpty()) {
            throw new IllegalArgumentException("no draft " + id);
        }
        Path folder = drafts.resolve(id);
        Path temporary = folder.resolve(TEMPORARY_PREFIX + randomSuffix());
        try {
            // The folder's time is when the draft was saved, by the store's clock (its age, its place in the list):
            // the rename inside it would move it to now.
            FileTime saved = Files.getLastModifiedTime(folder);
            writeDurably(temporary, description);
            moveAtomically(temporary, folder.resolve(DRAFT_METADATA));
            force(folder);
            Files.setLastModifiedTime(folder, saved);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw failure("draft " + id + " could not be updated", e);
        }
    }

    @Override
    public Optional<byte[]> draftDescription(String id) {
        if (!DRAFT_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return readIfPresent(drafts.resolve(id).resolve(DRAFT_METADATA));
    }

    private static Optional<byte[]> readIfPresent(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PolicyFiles draftFiles(String id) {
        if (draftDescription(id).isEmpty()) {
            throw new IllegalArgumentException("no draft " + id);
        }
        return readFiles(drafts.resolve(id));
    }

    private void removeLeftovers() throws IOException {
        for (Path folder : List.of(root, versions, drafts)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, TEMPORARY_PREFIX + "*")) {
                for (Path leftover : entries) {
                    deleteTree(leftover);
                }
            }
        }
        if (!pendingVersions().isEmpty()) {
            // Under the lock: a pending version of another replica's publish in progress is settled by the time we
            // hold it; what is pending then was cut off by a crash.
            try (StoreLock lock = StoreLock.take(root.resolve(ACTIVE_LOCK))) {
                String active = activePointer();
                for (String id : pendingVersions()) {
                    if (id.equals(active)) {
                        settle(id);
                    } else {
                        log.warn("Version {} was written by a publish that did not finish; it was never active and is"
                                + " deleted", id);
                        deleteTree(versions.resolve(id));
                    }
                }
            }
        }
    }

    private List<String> pendingVersions() throws IOException {
        try (Stream<Path> folders = Files.list(versions)) {
            return folders.filter(folder -> Files.exists(folder.resolve(PENDING)))
                    .map(folder -> folder.getFileName().toString()).toList();
        }
    }

    private static String checkedName(String name) {
        // File names become paths: only plain model file names, never a path of their own.
        if (!PolicyFileNames.isFileName(name)) {
            throw new IllegalArgumentException("not a policy file name: " + name);
        }
        return name;
    }

    /**
     * A write the file system refused: for lack of room, the store's 507; because it is read-only, its 503; anything
     * else stays an I/O error. (Java gives the reason only as the system's message.)
     */
    static RuntimeException failure(String what, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return new StoreUnavailableException(StoreUnavailableException.Reason.FULL,
                    what + ": the disk of the policy store is full", e);
        }
        if (message.contains("Read-only file system")) {
            return new StoreUnavailableException(StoreUnavailableException.Reason.UNREACHABLE,
                    what + ": the policy store's file system is read-only", e);
        }
        return new UncheckedIOException(what, e);
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Forces a directory's entries to disk, so that a rename in it survives a crash. */
    private static void force(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is atomic there all the same.
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the policy store needs a file system with atomic renames", e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException ignored) {
            // Left for the next start to remove, like any leftover of an interrupted write.
        }
    }

    private static String randomSuffix() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
