package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.api.model.FieldError;
import com.shopcare.complaints.api.model.PolicyDraft;
import com.shopcare.complaints.api.model.PolicyVersion;
import com.shopcare.complaints.check.CheckReport;
import com.shopcare.complaints.check.PastComplaints;
import com.shopcare.complaints.check.PolicyCheck;
import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.engine.PolicyModel;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.service.system.CheckFailedException;
import com.shopcare.complaints.service.system.StoreUnavailableException;
import com.shopcare.complaints.service.system.InvalidRequestException;
import com.shopcare.complaints.service.system.NotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Drafts, publishing and activation of policy versions. A draft is the active version with the uploaded tables
 * replaced, checked at once and kept in the store (any replica can show or publish it). Publishing writes a new
 * version, makes it active in the store, and swaps this replica to it; the others follow within their watch
 * interval. Checks run one at a time: they decide tens of thousands of complaints, and decisions for shops come first.
 */
@Component
class PolicyAdministration {

    private static final List<String> TABLE_FILES = Stream.of(PolicyModel.values()).map(PolicyModel::fileName).toList();

    private final ActivePolicy activePolicy;
    private final int sampleSize;
    private final Duration checkTimeout;
    private final Duration draftRetention;
    private final int maxDrafts;
    private final Clock clock = Clock.systemUTC();
    private final JsonMapper json = JsonMapper.builder().build();
    private PolicyCheck check;

    PolicyAdministration(ActivePolicy activePolicy, PolicyProperties properties) {
        this.activePolicy = activePolicy;
        this.sampleSize = properties.checkSampleSize();
        this.checkTimeout = properties.checkTimeout();
        this.draftRetention = properties.draftRetention();
        this.maxDrafts = properties.maxDrafts();
    }

    /** @param uploads file name to content; {@code pastComplaints} may be null */
    synchronized PolicyDraft createDraft(Map<String, byte[]> uploads, byte[] pastComplaints, String admin) {
        List<Complaint> past = null;
        if (pastComplaints != null) {
            try {
                past = PastComplaints.parse(pastComplaints);
            } catch (PastComplaints.InvalidCsvException e) {
                throw new InvalidRequestException(List.of(new FieldError("pastComplaints", e.getMessage())));
            }
        }
        Policy active = activePolicy.current();
        PolicyStore store = activePolicy.store();
        Map<String, byte[]> files = new TreeMap<>(store.files(active.version()).files());
        files.putAll(uploads);
        PolicyFiles draftFiles = PolicyFiles.of(files);
        CheckReport report = check().check(draftFiles, active, past).report();

        String id = PolicyStore.newDraftId();
        PolicyDraft draft = new PolicyDraft()
                .draftId(id)
                .createdAt(OffsetDateTime.now(clock).withNano(0))
                .createdBy(admin)
                .basedOn(active.version())
                .files(List.copyOf(uploads.keySet()))
                .publishable(report.passed())
                .report(CheckReports.toApi(report));
        store.saveDraft(id, draftFiles, json.writeValueAsBytes(draft));
        store.pruneDrafts(draftRetention, maxDrafts);
        if (!report.passed()) {
            throw CheckFailedException.draftHasErrors(id, report.errors());
        }
        return draft;
    }

    PolicyDraft draft(String id) {
        byte[] description = activePolicy.store().draftDescription(id)
                .orElseThrow(() -> new NotFoundException("There is no draft '" + id + "'."));
        return json.readValue(description, PolicyDraft.class);
    }

    synchronized PolicyVersion publish(String draftId, String comment, String admin) {
        PolicyDraft draft = draft(draftId);
        if (!Boolean.TRUE.equals(draft.getPublishable())) {
            throw CheckFailedException.publishRefused(draftId, draft.getReport().getErrors());
        }
        PolicyStore store = activePolicy.store();
        PolicyFiles files = store.draftFiles(draftId);
        PolicyStore.PolicyVersion version = store.newVersion(files, admin, comment);
        // Compiled before the store is locked: the lock is held for milliseconds, a compile takes a second or two.
        Policy compiled = activePolicy.compiler().compile(files, version.id());
        try {
            // Published only if the draft's version is still the active one in the store, whichever replica moved
            // it: publishing it otherwise would silently undo the version activated since.
            store.publishActive(version, files, draft.getBasedOn());
        } catch (PolicyStore.ActiveMovedException e) {
            throw CheckFailedException.activeMoved(draftId, draft.getBasedOn(), e.active());
        } catch (PolicyStore.DamagedStoreException e) {
            throw new StoreUnavailableException(StoreUnavailableException.Reason.DAMAGED, e.getMessage(), e);
        }
        activePolicy.swapTo(compiled);
        return toApi(version, true);
    }

    synchronized PolicyVersion activate(String id) {
        Policy policy = activePolicy.version(id);
        PolicyStore store = activePolicy.store();
        store.activate(id);
        activePolicy.swapTo(policy);
        return toApi(store.version(id).orElseThrow(), true);
    }

    List<PolicyVersion> versions() {
        String active = activePolicy.store().activeId().orElse(null);
        return activePolicy.store().versions().stream().map(v -> toApi(v, v.id().equals(active))).toList();
    }

    String activeVersion() {
        return activePolicy.store().activeId().orElseThrow();
    }

    byte[] file(String versionId, String fileName) {
        PolicyStore store = activePolicy.store();
        if (store.version(versionId).isEmpty()) {
            throw new NotFoundException("There is no published policy version '" + versionId + "'.");
        }
        PolicyFiles files = store.files(versionId);
        byte[] content = files.files().get(fileName);
        if (content == null) {
            throw new NotFoundException("Version " + versionId + " has no file '" + fileName + "'; it has "
                    + files.files().keySet() + ".");
        }
        return content;
    }

    /** The uploaded tables by name; a 400 naming the part when a name is not a table of the policy or repeats. */
    static Map<String, byte[]> tables(List<String> names, List<byte[]> contents) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, byte[]> tables = new LinkedHashMap<>();
        if (names.isEmpty()) {
            errors.add(new FieldError("files", "upload at least one DMN file"));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!TABLE_FILES.contains(name)) {
                errors.add(new FieldError("files[" + i + "]", "'" + name + "' is not a table of the policy; the tables are "
                        + String.join(", ", TABLE_FILES)));
            } else if (tables.put(name, contents.get(i)) != null) {
                errors.add(new FieldError("files[" + i + "]", "'" + name + "' is uploaded twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return tables;
    }

    private PolicyCheck check() {
        if (check == null) {
            check = new PolicyCheck(activePolicy.compiler(), ScenarioBook.shipped(), sampleSize, checkTimeout);
        }
        return check;
    }

    private PolicyVersion toApi(PolicyStore.PolicyVersion version, boolean active) {
        return new PolicyVersion()
                .versionId(version.id())
                .contentHash(version.contentHash())
                .publishedBy(version.publishedBy())
                .publishedAt(version.publishedAt().atOffset(ZoneOffset.UTC))
                .comment(version.comment())
                .active(active)
                .files(activePolicy.store().fileNames(version.id()));
    }
}
