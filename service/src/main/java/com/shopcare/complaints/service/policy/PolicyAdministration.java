package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.api.model.Approval;
import com.shopcare.complaints.api.model.FieldError;
import com.shopcare.complaints.api.model.PolicyChanges;
import com.shopcare.complaints.api.model.PolicyDraft;
import com.shopcare.complaints.api.model.PolicyFile;
import com.shopcare.complaints.api.model.PolicyVersion;
import com.shopcare.complaints.check.CheckReport;
import com.shopcare.complaints.check.PastComplaints;
import com.shopcare.complaints.check.PolicyCheck;
import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.engine.PolicyModel;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.service.system.CheckFailedException;
import com.shopcare.complaints.service.system.InvalidRequestException;
import com.shopcare.complaints.service.system.NotFoundException;
import com.shopcare.complaints.service.system.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Drafts, approvals, publishing and activation of policy versions. A draft is the active version with the uploaded
 * tables and scenario files replaced, checked at once and kept in the store (any replica can show, approve or publish
 * it); it never changes afterwards, so an approval is always of exactly what is published. Publishing writes a new
 * version, makes it active in the store, and swaps this replica to it; the others follow within their watch interval.
 * Checks run one at a time: they decide tens of thousands of complaints, and decisions for shops come first.
 * <p>
 * Every action is one line on the {@code policy-audit} logger: who (the admin key's name), what, on which ids, and
 * the outcome, refusals included.
 */
@Component
class PolicyAdministration {

    private static final Logger audit = LoggerFactory.getLogger("policy-audit");
    /** How many drafts the listing shows: the recent work, not the whole retention. */
    private static final int LISTED_DRAFTS = 20;
    private static final List<String> TABLE_FILES = Stream.of(PolicyModel.values()).map(PolicyModel::fileName).toList();
    /** The policies there are: those of the shipped scenario files (P1 ... P10). */
    private static final Set<String> POLICIES = ScenarioBook.shippedTexts().keySet().stream()
            .map(name -> ScenarioBook.policyOfName(name).orElseThrow()).collect(Collectors.toCollection(TreeSet::new));

    private final ActivePolicy activePolicy;
    private final int sampleSize;
    private final Duration checkTimeout;
    private final Duration draftRetention;
    private final int maxDrafts;
    private final int approvalsRequired;
    private final Clock clock = Clock.systemUTC();
    private final JsonMapper json = JsonMapper.builder().build();
    private PolicyCheck check;

    PolicyAdministration(ActivePolicy activePolicy, PolicyProperties properties) {
        this.activePolicy = activePolicy;
        this.sampleSize = properties.checkSampleSize();
        this.checkTimeout = properties.checkTimeout();
        this.draftRetention = properties.draftRetention();
        this.maxDrafts = properties.maxDrafts();
        if (properties.approvalsRequired() < 0 || properties.approvalsRequired() > 1) {
            throw new IllegalArgumentException("decision.policy.approvals-required is 0 (no approval) or 1 (a second"
                    + " admin approves each draft before it is published), not " + properties.approvalsRequired());
        }
        this.approvalsRequired = properties.approvalsRequired();
    }

    /** @param uploads file name to content; {@code pastComplaints} may be null */
    synchronized PolicyDraft createDraft(Map<String, byte[]> uploads, byte[] pastComplaints, String admin) {
        return audited("draft", admin, "files=" + String.join(",", uploads.keySet()), () -> {
            List<Complaint> past = null;
            if (pastComplaints != null) {
                try {
                    past = PastComplaints.parse(pastComplaints);
                } catch (PastComplaints.InvalidCsvException e) {
                    throw new InvalidRequestException(List.of(new FieldError("pastComplaints", e.getMessage())));
                }
            }
            com.shopcare.complaints.engine.Policy active = activePolicy.current();
            PolicyFiles base = effectiveFiles(active.version());
            PolicyFiles draftFiles = base.withAll(uploads);
            String id = PolicyStore.newDraftId();
            PolicyCheck.Checked checked = check().check(draftFiles, active, past, id);
            CheckReport report = checked.report();
            List<String> errors = new ArrayList<>(report.errors());
            if (draftFiles.contentHash().equals(base.contentHash())) {
                errors.add("no changes: the draft's tables and scenario files are those of version " + active.version()
                        + ", so there is nothing to publish");
            }

            PolicyDraft draft = new PolicyDraft()
                    .draftId(id)
                    .createdAt(OffsetDateTime.now(clock).withNano(0))
                    .createdBy(admin)
                    .basedOn(active.version())
                    .files(List.copyOf(uploads.keySet()))
                    .publishable(errors.isEmpty())
                    .approvalRequired(approvalsRequired > 0)
                    .report(CheckReports.toApi(report).passed(errors.isEmpty()).errors(errors));
            PolicyStore store = activePolicy.store();
            store.saveDraft(id, draftFiles, json.writeValueAsBytes(draft));
            store.pruneDrafts(draftRetention, maxDrafts);
            if (checked.draft() != null) {
                activePolicy.keepDraft(id, checked.draft());
            }
            if (!errors.isEmpty()) {
                throw CheckFailedException.draftHasErrors(id, errors);
            }
            return draft;
        }, draft -> "draftId=" + draft.getDraftId() + " basedOn=" + draft.getBasedOn());
    }

    /** The newest drafts, newest first: a draft awaiting approval is found here by the second admin. */
    List<PolicyDraft> drafts() {
        List<PolicyDraft> drafts = new ArrayList<>();
        for (String id : activePolicy.store().draftIds().stream().limit(LISTED_DRAFTS).toList()) {
            // Pruned by another replica between the listing and the reading: gone, so not listed.
            activePolicy.store().draftDescription(id).ifPresent(description ->
                    drafts.add(json.readValue(description, PolicyDraft.class)));
        }
        return drafts;
    }

    PolicyDraft draft(String id) {
        byte[] description = activePolicy.store().draftDescription(id)
                .orElseThrow(() -> new NotFoundException("There is no draft '" + id + "'."));
        return json.readValue(description, PolicyDraft.class);
    }

    synchronized PolicyDraft approve(String draftId, String comment, String admin) {
        return audited("approve", admin, "draftId=" + draftId, () -> {
            PolicyDraft draft = draft(draftId);
            if (!Boolean.TRUE.equals(draft.getPublishable())) {
                throw CheckFailedException.approvalRefused(draftId, draft.getReport().getErrors());
            }
            if (draft.getApproval() != null) {
                throw CheckFailedException.alreadyApproved(draftId, draft.getApproval().getApprovedBy());
            }
            if (admin.equals(draft.getCreatedBy())) {
                throw CheckFailedException.ownDraft(draftId, draft.getCreatedBy());
            }
            draft.approval(new Approval(admin, OffsetDateTime.now(clock).withNano(0), comment)).approvalRequired(false);
            activePolicy.store().updateDraftDescription(draftId, json.writeValueAsBytes(draft));
            return draft;
        }, draft -> "basedOn=" + draft.getBasedOn());
    }

    synchronized PolicyVersion publish(String draftId, String comment, String admin) {
        return audited("publish", admin, "draftId=" + draftId, () -> {
            PolicyDraft draft = draft(draftId);
            if (!Boolean.TRUE.equals(draft.getPublishable())) {
                throw CheckFailedException.publishRefused(draftId, draft.getReport().getErrors());
            }
            if (approvalsRequired > 0 && draft.getApproval() == null) {
                throw CheckFailedException.approvalRequired(draftId, draft.getCreatedBy());
            }
            PolicyStore store = activePolicy.store();
            PolicyFiles files = store.draftFiles(draftId);
            Approval approval = draft.getApproval();
            PolicyStore.PolicyVersion version = store.newVersion(files, admin, comment).fromDraft(draft.getBasedOn(),
                    approval == null ? null : new PolicyStore.Approval(approval.getApprovedBy(),
                            approval.getApprovedAt().toInstant(), approval.getComment()));
            // Compiled before the store is locked: the lock is held for milliseconds, a compile takes a second or two.
            com.shopcare.complaints.engine.Policy compiled = activePolicy.compiler().compile(files, version.id());
            try {
                // Published only if the draft's version is still the active one in the store, whichever replica moved
                // it: publishing it otherwise would silently undo the version activated since.
                version = store.publishActive(version, files, draft.getBasedOn());
            } catch (PolicyStore.ActiveMovedException e) {
                throw CheckFailedException.activeMoved(draftId, draft.getBasedOn(), e.active());
            } catch (PolicyStore.DamagedStoreException e) {
                throw new StoreUnavailableException(StoreUnavailableException.Reason.DAMAGED, e.getMessage(), e);
            }
            activePolicy.swapTo(compiled);
            return toApi(version, true);
        }, version -> "versionId=" + version.getVersionId()
                + (version.getApproval() == null ? "" : " approvedBy=" + version.getApproval().getApprovedBy()));
    }

    synchronized PolicyVersion activate(String id, String admin) {
        return audited("activate", admin, "versionId=" + id, () -> {
            com.shopcare.complaints.engine.Policy policy = activePolicy.version(id);
            PolicyStore store = activePolicy.store();
            store.activate(id);
            activePolicy.swapTo(policy);
            return toApi(store.version(id).orElseThrow(), true);
        }, version -> "");
    }

    List<PolicyVersion> versions() {
        String active = activePolicy.store().activeId().orElse(null);
        return activePolicy.store().versions().stream().map(v -> toApi(v, v.id().equals(active))).toList();
    }

    String activeVersion() {
        return activePolicy.store().activeId().orElseThrow();
    }

    List<PolicyFile> versionFiles(String versionId) {
        return listing(effectiveFiles(published(versionId).id()));
    }

    List<PolicyFile> draftFiles(String draftId) {
        return listing(activePolicy.store().draftFiles(draft(draftId).getDraftId()));
    }

    byte[] versionFile(String versionId, String fileName) {
        PolicyFileNames.check(fileName);
        return file(effectiveFiles(published(versionId).id()), "Version " + versionId, fileName);
    }

    byte[] draftFile(String draftId, String fileName) {
        PolicyFileNames.check(fileName);
        return file(activePolicy.store().draftFiles(draft(draftId).getDraftId()), "Draft " + draftId, fileName);
    }

    /** What the draft changes against the version it is based on. */
    PolicyChanges draftChanges(String draftId) {
        PolicyDraft draft = draft(draftId);
        return PolicyChangeReports.between(draft.getBasedOn(), effectiveFiles(draft.getBasedOn()), draftId,
                activePolicy.store().draftFiles(draftId));
    }

    /** What the version changes against {@code against}, by default the version it was based on (or the one before). */
    PolicyChanges versionChanges(String versionId, String against) {
        PolicyStore store = activePolicy.store();
        PolicyStore.PolicyVersion version = published(versionId);
        String from = against;
        if (from == null) {
            from = version.basedOn() != null ? version.basedOn() : previous(versionId)
                    .orElseThrow(() -> new InvalidRequestException(List.of(new FieldError("against", "version "
                            + versionId + " is the store's first; name a version to compare it with"))));
        } else if (store.version(from).isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError("against", "'" + from
                    + "' is no published version; GET /v1/policy/versions lists them")));
        }
        return PolicyChangeReports.between(from, effectiveFiles(from), versionId, effectiveFiles(versionId));
    }

    private Optional<String> previous(String versionId) {
        List<String> ids = activePolicy.store().versions().stream().map(PolicyStore.PolicyVersion::id).toList();
        int index = ids.indexOf(versionId);
        return index > 0 ? Optional.of(ids.get(index - 1)) : Optional.empty();
    }

    /** The published version of that id; 404 otherwise (the store knows no version of a malformed id either). */
    private PolicyStore.PolicyVersion published(String versionId) {
        return activePolicy.store().version(versionId)
                .orElseThrow(() -> new NotFoundException("There is no published policy version '" + versionId + "'."));
    }

    /** A version's files; one published before scenario files travelled with the tables is held to the shipped ones. */
    private PolicyFiles effectiveFiles(String versionId) {
        return ScenarioBook.withShippedScenariosIfNone(activePolicy.store().files(versionId));
    }

    private static byte[] file(PolicyFiles files, String owner, String fileName) {
        byte[] content = files.all().get(fileName);
        if (content == null) {
            throw new NotFoundException(owner + " has no file '" + fileName + "'; it has " + files.all().keySet() + ".");
        }
        return content;
    }

    private static List<PolicyFile> listing(PolicyFiles files) {
        List<PolicyFile> listing = new ArrayList<>();
        files.files().forEach((name, content) -> listing.add(new PolicyFile(name, PolicyFile.KindEnum.TABLE, content.length)));
        files.scenarios().forEach((name, content) -> listing.add(new PolicyFile(name, PolicyFile.KindEnum.SCENARIOS,
                content.length).policy(ScenarioBook.policyOfName(name).orElse(null))));
        return listing;
    }

    /**
     * The uploaded files by name; a 400 naming the part when a name is a path, is neither a table nor a scenario
     * file of a policy there is, or repeats.
     */
    static Map<String, byte[]> uploads(List<String> names, List<byte[]> contents) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        if (names.isEmpty()) {
            errors.add(new FieldError("files", "upload at least one file, a DMN table or a scenario file"));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "files[" + i + "]";
            Optional<String> problem = PolicyFileNames.problem(name);
            if (problem.isPresent()) {
                errors.add(new FieldError(field, problem.get()));
            } else if (PolicyFiles.isScenario(name)) {
                String policy = ScenarioBook.policyOfName(name).orElseThrow();
                if (!POLICIES.contains(policy)) {
                    errors.add(new FieldError(field, "'" + name + "' names the policy " + policy
                            + ", which does not exist; the policies are " + String.join(", ", POLICIES)));
                }
            } else if (!TABLE_FILES.contains(name)) {
                errors.add(new FieldError(field, "'" + name + "' is not a table of the policy; the tables are "
                        + String.join(", ", TABLE_FILES)));
            }
            if (errors.stream().noneMatch(error -> error.getField().equals(field)) && uploads.put(name, contents.get(i)) != null) {
                errors.add(new FieldError(field, "'" + name + "' is uploaded twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return uploads;
    }

    /** Runs an admin action and writes its audit line, whatever the outcome. */
    private <T> T audited(String action, String admin, String ids, Supplier<T> work, java.util.function.Function<T, String> done) {
        try {
            T result = work.get();
            String outcome = done.apply(result);
            audit.info("policy-audit action={} admin={} {}{} outcome=done", action, admin, ids,
                    outcome.isEmpty() ? "" : " " + outcome);
            return result;
        } catch (CheckFailedException e) {
            // A refused draft is kept: its id is news to the line only when the action did not name it already.
            audit.info("policy-audit action={} admin={} {}{} outcome=refused reason={} errors={}", action, admin, ids,
                    ids.contains("draftId=") ? "" : " draftId=" + e.draftId(), e.reason().type(), e.errors().size());
            throw e;
        } catch (RuntimeException e) {
            audit.info("policy-audit action={} admin={} {} outcome=failed reason={}", action, admin, ids,
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    private PolicyCheck check() {
        if (check == null) {
            check = new PolicyCheck(activePolicy.compiler(), sampleSize, checkTimeout);
        }
        return check;
    }

    private PolicyVersion toApi(PolicyStore.PolicyVersion version, boolean active) {
        PolicyStore.Approval approval = version.approval();
        return new PolicyVersion()
                .versionId(version.id())
                .contentHash(version.contentHash())
                .publishedBy(version.publishedBy())
                .publishedAt(version.publishedAt().atOffset(ZoneOffset.UTC))
                .comment(version.comment())
                .active(active)
                .basedOn(version.basedOn())
                .approval(approval == null ? null : new Approval(approval.approvedBy(),
                        approval.approvedAt().atOffset(ZoneOffset.UTC), approval.comment()))
                .files(fileNames(version.id()));
    }

    /** Without reading the files; a version without scenario files is held to the shipped ones, and lists them. */
    private List<String> fileNames(String versionId) {
        List<String> names = new ArrayList<>(activePolicy.store().fileNames(versionId));
        if (names.stream().noneMatch(PolicyFiles::isScenario)) {
            names.addAll(ScenarioBook.shippedTexts().keySet());
        }
        return names;
    }
}
