package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.policy.PolicyStore.PolicyVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every kind of policy store does, as replicas see it: each kind's test runs these against a real store (a
 * folder, a PostgreSQL server) and adds what only that kind can suffer.
 */
abstract class PolicyStoreContract {

    /** How far the clock moves each time it is read: a second, so that versions have distinct times, unless stopped. */
    private final AtomicLong step = new AtomicLong(1);

    /** A clock {@link #step} further on each time it is read. */
    final Clock clock = new Clock() {
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
            return Instant.ofEpochSecond(seconds.getAndAdd(step.get()));
        }
    };

    private final List<PolicyStore> opened = new ArrayList<>();

    /** Opens the store this test uses, as a (further) replica would; a new one for each test. */
    abstract PolicyStore openStore();

    final PolicyStore open() {
        PolicyStore store = openStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(PolicyStore::close);
    }

    @Test
    void firstOpenPublishesTheShippedTablesAsTheActiveVersion() {
        PolicyStore store = open();

        assertThat(store.versions()).singleElement().satisfies(version -> {
            assertThat(version.publishedBy()).isEqualTo("release");
            assertThat(version.contentHash()).isEqualTo(PolicyFiles.shipped().contentHash());
            assertThat(store.activeId()).hasValue(version.id());
        });
        assertThat(store.files(store.activeId().orElseThrow()).files())
                .containsOnlyKeys(PolicyFiles.shipped().files().keySet());
    }

    @Test
    void publishedVersionKeepsItsFilesAndRecordAndDoesNotBecomeActiveByItself() {
        PolicyStore store = open();
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
    void aVersionKeepsItsScenarioFilesTheirApprovalAndTheVersionItWasBasedOn() {
        PolicyStore store = open();
        String first = store.activeId().orElseThrow();
        byte[] scenarios = "Feature: P9 Loyalty\n".getBytes(StandardCharsets.UTF_8);
        PolicyFiles files = edited().with("P9-loyalty.feature", scenarios);
        PolicyStore.Approval approval = new PolicyStore.Approval("lead", Instant.ofEpochSecond(1_795_000_000L), "agreed");

        PolicyVersion version = store.publishActive(store.newVersion(files, "ops", "with examples")
                .fromDraft(first, approval), files, first);

        assertThat(store.fileNames(version.id())).contains("Compensation.dmn", "P9-loyalty.feature").hasSize(7);
        assertThat(store.files(version.id()).scenarios()).containsOnlyKeys("P9-loyalty.feature");
        assertThat(store.files(version.id()).scenarios().get("P9-loyalty.feature")).isEqualTo(scenarios);
        assertThat(store.files(version.id()).files()).doesNotContainKey("P9-loyalty.feature");
        assertThat(store.version(version.id())).hasValueSatisfying(read -> {
            assertThat(read.basedOn()).isEqualTo(first);
            assertThat(read.approval()).isEqualTo(approval);
            assertThat(read.contentHash()).isEqualTo(files.contentHash());
        });
        assertThat(store.version(first)).hasValueSatisfying(release -> {
            assertThat(release.basedOn()).isNull();
            assertThat(release.approval()).isNull();
        });
    }

    @Test
    void aDraftsDescriptionIsReplacedWhileItsFilesStayAsSaved() {
        PolicyStore store = open();
        String id = PolicyStore.newDraftId();
        PolicyFiles files = edited().with("P9-loyalty.feature", "Feature: P9 Loyalty\n".getBytes(StandardCharsets.UTF_8));
        store.saveDraft(id, files, "{\"approval\": null}".getBytes(StandardCharsets.UTF_8));

        store.updateDraftDescription(id, "{\"approval\": \"lead\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(store.draftDescription(id)).hasValueSatisfying(description ->
                assertThat(new String(description, StandardCharsets.UTF_8)).isEqualTo("{\"approval\": \"lead\"}"));
        assertThat(store.draftFiles(id).contentHash()).isEqualTo(files.contentHash());
        assertThatThrownBy(() -> store.updateDraftDescription(PolicyStore.newDraftId(), new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void draftsAreListedNewestFirstAndAnUpdateKeepsTheirPlace() {
        PolicyStore store = open();
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = PolicyStore.newDraftId();
            store.saveDraft(id, PolicyFiles.shipped(), "{}".getBytes(StandardCharsets.UTF_8));
            saved.add(0, id);
        }

        store.updateDraftDescription(saved.get(2), "{\"approved\": true}".getBytes(StandardCharsets.UTF_8));

        assertThat(store.draftIds()).containsExactlyElementsOf(saved);
    }

    @Test
    void activatingSwitchesVersionsAndRollsBack() {
        PolicyStore store = open();
        String first = store.activeId().orElseThrow();
        String second = store.publish(edited(), "ops", "edit").id();

        store.activate(second);
        assertThat(store.activeId()).hasValue(second);
        store.activate(first);
        assertThat(store.activeId()).hasValue(first);
    }

    @Test
    void replicasSharingTheStoreSeeTheSameActiveVersionAndSeedItOnce() {
        PolicyStore one = open();
        PolicyStore other = open();

        String published = one.publish(edited(), "ops", "edit").id();
        one.activate(published);

        assertThat(other.activeId()).hasValue(published);
        // The release once, although both opened the store: the second found it seeded.
        assertThat(other.versions()).extracting(PolicyVersion::publishedBy).containsExactly("release", "ops");
    }

    @Test
    void draftsBeyondTheirAgeOrCountAreDeletedTheNewestKept() {
        PolicyStore store = open();
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
    void unknownVersionCannotBeActivatedOrRead() {
        PolicyStore store = open();

        assertThatThrownBy(() -> store.activate("20990101-000000-0123456789ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.files("../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version("../versions")).isEmpty();
    }

    @Test
    void publishingBasedOnTheActiveVersionMakesItActive() {
        PolicyStore store = open();
        String release = store.activeId().orElseThrow();
        PolicyVersion version = store.newVersion(edited(), "ops", "edit");

        PolicyVersion published = store.publishActive(version, edited(), release);

        assertThat(published).isEqualTo(version);
        assertThat(store.activeId()).hasValue(version.id());
        assertThat(store.files(version.id()).contentHash()).isEqualTo(edited().contentHash());
    }

    @Test
    void publishingBasedOnAVersionNoLongerActiveWritesNothingAndNamesTheActiveOne() {
        PolicyStore one = open();
        PolicyStore other = open();
        String release = one.activeId().orElseThrow();
        String winner = one.publishActive(one.newVersion(edited(), "ops", "first"), edited(), release).id();
        PolicyFiles late = PolicyFiles.shipped().with("Compensation.dmn", edited("late"));

        assertThatThrownBy(() -> other.publishActive(other.newVersion(late, "ops", "second"), late, release))
                .isInstanceOfSatisfying(PolicyStore.ActiveMovedException.class,
                        moved -> assertThat(moved.active()).isEqualTo(winner));
        assertThat(other.activeId()).hasValue(winner);
        assertThat(other.versions()).extracting(PolicyVersion::id).containsExactly(release, winner);
    }

    @Test
    void versionsPublishedWithinOneSecondAreListedInTheOrderTheyBecameActive() {
        PolicyStore store = open();
        step.set(0);
        String release = store.activeId().orElseThrow();
        List<String> published = new ArrayList<>(List.of(release));
        for (String mark : List.of("zz", "aa", "mm")) {
            PolicyFiles files = PolicyFiles.shipped().with("Compensation.dmn", edited(mark));
            published.add(store.publishActive(store.newVersion(files, "ops", mark), files, published.get(published.size() - 1)).id());
        }

        assertThat(store.versions()).extracting(PolicyVersion::id).containsExactlyElementsOf(published);
    }

    @Test
    void draftKeepsItsFilesAndDescription() {
        PolicyStore store = open();
        String id = PolicyStore.newDraftId();
        byte[] description = "{\"basedOn\": \"x\"}".getBytes(StandardCharsets.UTF_8);

        store.saveDraft(id, edited(), description);

        assertThat(store.draftDescription(id)).hasValue(description);
        assertThat(store.draftFiles(id).contentHash()).isEqualTo(edited().contentHash());
        assertThat(store.draftDescription(PolicyStore.newDraftId())).isEmpty();
        assertThatThrownBy(() -> store.draftFiles("d-0000000000000000")).isInstanceOf(IllegalArgumentException.class);
    }

    static PolicyFiles edited() {
        return PolicyFiles.shipped().with("Compensation.dmn", edited("edited"));
    }

    private static byte[] edited(String mark) {
        String compensation = new String(PolicyFiles.shipped().files().get("Compensation.dmn"), StandardCharsets.UTF_8);
        return compensation.replaceFirst("</definitions>", "<!-- " + mark + " --></definitions>").getBytes(StandardCharsets.UTF_8);
    }
}
