package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.policy.PolicyStore.PolicyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy store on a real folder, as a replica finds it after a start, a publish, a rollback or a crash. */
class PolicyStoreTest {

    @TempDir
    Path folder;

    /** A clock one second further on each time it is read, so versions have distinct times. */
    private final Clock clock = new Clock() {
        private final AtomicLong seconds = new AtomicLong(1_795_000_000L);

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds.getAndIncrement());
        }
    };

    @Test
    void firstOpenPublishesTheShippedTablesAsTheActiveVersion() {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThat(store.versions()).singleElement().satisfies(version -> {
            assertThat(version.publishedBy()).isEqualTo("release");
            assertThat(version.contentHash()).isEqualTo(PolicyFiles.shipped().contentHash());
            assertThat(store.activeId()).hasValue(version.id());
        });
        assertThat(store.files(store.activeId().orElseThrow()).files())
                .containsOnlyKeys(PolicyFiles.shipped().files().keySet());
    }

    @Test
    void aVersionWhoseRecordIsDamagedIsLeftOutAndTheOthersStayListed() throws Exception {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String release = store.activeId().orElseThrow();
        PolicyStore.PolicyVersion damaged = store.publish(
                PolicyFiles.shipped().with("Compensation.dmn", "<definitions/>".getBytes(StandardCharsets.UTF_8)),
                "ops", "to be damaged");
        Files.writeString(folder.resolve("versions").resolve(damaged.id()).resolve("version.json"), "{\"id\": tru");

        assertThat(store.versions()).extracting(PolicyStore.PolicyVersion::id).containsExactly(release);
        assertThat(store.version(damaged.id())).isEmpty();
    }

    @Test
    void publishedVersionKeepsItsFilesAndRecordAndDoesNotBecomeActiveByItself() {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String first = store.activeId().orElseThrow();
        PolicyFiles edited = edited();

        PolicyVersion second = store.publish(edited, "ops", "MEDIUM voucher 12 %");

        assertThat(store.versions()).extracting(PolicyVersion::id).containsExactly(first, second.id());
        assertThat(store.version(second.id())).hasValue(second);
        assertThat(second.publishedBy()).isEqualTo("ops");
        assertThat(second.comment()).isEqualTo("MEDIUM voucher 12 %");
        assertThat(store.files(second.id()).files().get("Compensation.dmn"))
                .isEqualTo(edited.files().get("Compensation.dmn"));
        assertThat(store.activeId()).hasValue(first);
    }

    @Test
    void activatingSwitchesVersionsAndRollsBack() {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String first = store.activeId().orElseThrow();
        String second = store.publish(edited(), "ops", "edit").id();

        store.activate(second);
        assertThat(store.activeId()).hasValue(second);
        store.activate(first);
        assertThat(store.activeId()).hasValue(first);
    }

    @Test
    void crashInTheMiddleOfAPublishLeavesTheLastCompleteVersionActive() throws Exception {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String active = store.activeId().orElseThrow();
        // What a crash leaves: a half-written version folder and a half-written pointer, both under temporary names.
        Path halfVersion = Files.createDirectories(folder.resolve("versions/.tmp-4f2a"));
        Files.writeString(halfVersion.resolve("Compensation.dmn"), "<definitions xmlns=\"https://www.omg.org/spec/DMN/2");
        Files.writeString(folder.resolve(".tmp-active-77"), "20991231-", StandardCharsets.UTF_8);

        PolicyStore restarted = PolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThat(restarted.activeId()).hasValue(active);
        assertThat(restarted.versions()).extracting(PolicyVersion::id).containsExactly(active);
        assertThat(halfVersion).doesNotExist();
        assertThat(folder.resolve(".tmp-active-77")).doesNotExist();
    }

    @Test
    void crashBeforeTheFirstActivationActivatesTheLatestCompleteVersion() throws Exception {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String latest = store.publish(edited(), "ops", "edit").id();
        Files.delete(folder.resolve("active"));

        assertThat(PolicyStore.open(folder, PolicyFiles.shipped(), clock).activeId()).hasValue(latest);
    }

    @Test
    void garbageActivePointerAfterARollbackServesTheVersionRolledBackToAndRefusesPublishing() throws Exception {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String release = store.activeId().orElseThrow();
        String newer = store.publish(edited(), "ops", "edit").id();
        store.activate(newer);
        store.activate(release);
        Files.writeString(folder.resolve("active"), "\u0000\u0000garbage", StandardCharsets.UTF_8);

        PolicyStore restarted = PolicyStore.open(folder, PolicyFiles.shipped(), clock);

        // Not the newest version (the one rolled back from), and the pointer is not silently rewritten.
        assertThat(restarted.activeId()).hasValue(release);
        assertThat(restarted.damage()).hasValueSatisfying(damage -> assertThat(damage).contains("names no version"));
        assertThat(Files.readString(folder.resolve("active"))).contains("garbage");
        assertThatThrownBy(() -> restarted.publishActive(restarted.newVersion(edited(), "ops", "again"), edited(), release))
                .isInstanceOf(PolicyStore.DamagedStoreException.class).hasMessageContaining("activates a version");
        // An operator's activation repairs it.
        restarted.activate(release);
        assertThat(restarted.activeId()).hasValue(release);
        assertThat(restarted.damage()).isEmpty();
    }

    @Test
    void activePointerNamingATruncatedVersionServesTheOneActiveBefore() throws Exception {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String release = store.activeId().orElseThrow();
        String newer = store.publish(edited(), "ops", "edit").id();
        store.activate(newer);
        Path table = folder.resolve("versions").resolve(newer).resolve("Compensation.dmn");
        Files.write(table, Arrays.copyOf(Files.readAllBytes(table), 100));

        PolicyStore restarted = PolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThat(restarted.activeId()).hasValue(release);
        assertThat(restarted.damage()).hasValueSatisfying(damage -> assertThat(damage).contains(newer, "incomplete"));
    }

    @Test
    void replicasSharingTheFolderSeeTheSameActiveVersion() {
        PolicyStore one = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        PolicyStore other = PolicyStore.open(folder, PolicyFiles.shipped(), clock);

        String published = one.publish(edited(), "ops", "edit").id();
        one.activate(published);

        assertThat(other.activeId()).hasValue(published);
        assertThat(other.versions()).hasSize(2);
    }

    @Test
    void draftsBeyondTheirAgeOrCountAreDeletedTheNewestKept() {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = PolicyStore.newDraftId();
            store.saveDraft(id, PolicyFiles.shipped(), "{}".getBytes(StandardCharsets.UTF_8));
            saved.add(id);
        }

        // The clock moves a second per reading: saved at t..t+4, pruned at t+5, the two oldest are over 3 s old.
        assertThat(store.pruneDrafts(Duration.ofSeconds(3), 10)).containsExactlyInAnyOrderElementsOf(saved.subList(0, 2));
        assertThat(store.pruneDrafts(Duration.ofDays(30), 1)).containsExactlyInAnyOrderElementsOf(saved.subList(2, 4));
        assertThat(store.draftDescription(saved.get(4))).isPresent();
        assertThat(saved.subList(0, 4)).allSatisfy(id -> assertThat(store.draftDescription(id)).isEmpty());
    }

    @Test
    void fileNamesThatCouldBePathsAreRefused() {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThatThrownBy(() -> store.publish(PolicyFiles.shipped().with("../escape.dmn", new byte[] {1}), "ops", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape.dmn");
        assertThat(folder.resolve("escape.dmn")).doesNotExist();
        assertThat(store.versions()).hasSize(1);
    }

    @Test
    void unknownVersionCannotBeActivatedOrRead() {
        PolicyStore store = PolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThatThrownBy(() -> store.activate("20990101-000000-0123456789ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.files("../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version("../versions")).isEmpty();
    }

    private static PolicyFiles edited() {
        String compensation = new String(PolicyFiles.shipped().files().get("Compensation.dmn"), StandardCharsets.UTF_8);
        return PolicyFiles.shipped().with("Compensation.dmn",
                compensation.replaceFirst("</definitions>", "<!-- edited --></definitions>").getBytes(StandardCharsets.UTF_8));
    }
}
