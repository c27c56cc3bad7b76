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

/** The policy store on a real folder, as a replica finds it after a start, a publish, a rollback or a crash; and what every store does. */
class FilePolicyStoreTest extends PolicyStoreContract {

    @TempDir
    Path folder;

    @Override
    PolicyStore openStore() {
        return FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);
    }

    @Test
    void aVersionWhoseRecordIsDamagedIsLeftOutAndTheOthersStayListed() throws Exception {
        FilePolicyStore store = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String release = store.activeId().orElseThrow();
        PolicyStore.PolicyVersion damaged = store.publish(
                PolicyFiles.shipped().with("Compensation.dmn", "<definitions/>".getBytes(StandardCharsets.UTF_8)),
                "ops", "to be damaged");
        Files.writeString(folder.resolve("versions").resolve(damaged.id()).resolve("version.json"), "{\"id\": tru");

        assertThat(store.versions()).extracting(PolicyStore.PolicyVersion::id).containsExactly(release);
        assertThat(store.version(damaged.id())).isEmpty();
    }

    @Test
    void crashInTheMiddleOfAPublishLeavesTheLastCompleteVersionActive() throws Exception {
        FilePolicyStore store = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String active = store.activeId().orElseThrow();
        // What a crash leaves: a half-written version folder and a half-written pointer, both under temporary names.
        Path halfVersion = Files.createDirectories(folder.resolve("versions/.tmp-4f2a"));
        Files.writeString(halfVersion.resolve("Compensation.dmn"), "<definitions xmlns=\"https://www.omg.org/spec/DMN/2");
        Files.writeString(folder.resolve(".tmp-active-77"), "20991231-", StandardCharsets.UTF_8);

        FilePolicyStore restarted = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThat(restarted.activeId()).hasValue(active);
        assertThat(restarted.versions()).extracting(PolicyVersion::id).containsExactly(active);
        assertThat(halfVersion).doesNotExist();
        assertThat(folder.resolve(".tmp-active-77")).doesNotExist();
    }

    @Test
    void versionWrittenByAPublishCutOffBeforeItWasActiveIsNotListedAndIsDeletedAtTheNextStart() throws Exception {
        FilePolicyStore store = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String release = store.activeId().orElseThrow();
        // What a crash between writing the version and moving the pointer leaves: a complete version, still pending.
        String cutOff = store.publish(edited(), "ops", "crashed").id();
        Files.createFile(folder.resolve("versions").resolve(cutOff).resolve(".pending"));

        assertThat(store.versions()).extracting(PolicyVersion::id).containsExactly(release);
        assertThat(store.version(cutOff)).isEmpty();
        FilePolicyStore restarted = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThat(restarted.activeId()).hasValue(release);
        assertThat(restarted.versions()).extracting(PolicyVersion::id).containsExactly(release);
        assertThat(folder.resolve("versions").resolve(cutOff)).doesNotExist();
    }

    @Test
    void versionCutOffAfterThePointerMovedStaysPublishedAndActive() throws Exception {
        FilePolicyStore store = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String release = store.activeId().orElseThrow();
        String published = store.publishActive(store.newVersion(edited(), "ops", "edit"), edited(), release).id();
        // A crash after the pointer moved, before the marker was deleted.
        Files.createFile(folder.resolve("versions").resolve(published).resolve(".pending"));

        FilePolicyStore restarted = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThat(restarted.activeId()).hasValue(published);
        assertThat(restarted.damage()).isEmpty();
        assertThat(restarted.versions()).extracting(PolicyVersion::id).containsExactly(release, published);
        assertThat(folder.resolve("versions").resolve(published).resolve(".pending")).doesNotExist();
    }

    @Test
    void crashBeforeTheFirstActivationActivatesTheLatestCompleteVersion() throws Exception {
        FilePolicyStore store = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String latest = store.publish(edited(), "ops", "edit").id();
        Files.delete(folder.resolve("active"));

        assertThat(FilePolicyStore.open(folder, PolicyFiles.shipped(), clock).activeId()).hasValue(latest);
    }

    @Test
    void garbageActivePointerAfterARollbackServesTheVersionRolledBackToAndRefusesPublishing() throws Exception {
        FilePolicyStore store = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String release = store.activeId().orElseThrow();
        String newer = store.publish(edited(), "ops", "edit").id();
        store.activate(newer);
        store.activate(release);
        Files.writeString(folder.resolve("active"), "\u0000\u0000garbage", StandardCharsets.UTF_8);

        FilePolicyStore restarted = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);

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
        FilePolicyStore store = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);
        String release = store.activeId().orElseThrow();
        String newer = store.publish(edited(), "ops", "edit").id();
        store.activate(newer);
        Path table = folder.resolve("versions").resolve(newer).resolve("Compensation.dmn");
        Files.write(table, Arrays.copyOf(Files.readAllBytes(table), 100));

        FilePolicyStore restarted = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThat(restarted.activeId()).hasValue(release);
        assertThat(restarted.damage()).hasValueSatisfying(damage -> assertThat(damage).contains(newer, "incomplete"));
    }

    @Test
    void fileNamesThatCouldBePathsAreRefused() {
        FilePolicyStore store = FilePolicyStore.open(folder, PolicyFiles.shipped(), clock);

        assertThatThrownBy(() -> store.publish(PolicyFiles.shipped().with("../escape.dmn", new byte[] {1}), "ops", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape.dmn");
        assertThat(folder.resolve("escape.dmn")).doesNotExist();
        assertThat(store.versions()).hasSize(1);
    }
}
