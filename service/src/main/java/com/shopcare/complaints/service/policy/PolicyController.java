package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.api.PolicyApi;
import com.shopcare.complaints.api.model.ApprovalRequest;
import com.shopcare.complaints.api.model.PolicyChanges;
import com.shopcare.complaints.api.model.PolicyDraft;
import com.shopcare.complaints.api.model.PolicyDrafts;
import com.shopcare.complaints.api.model.PolicyFileList;
import com.shopcare.complaints.api.model.PolicySummary;
import com.shopcare.complaints.api.model.PolicyTable;
import com.shopcare.complaints.api.model.PolicyVersion;
import com.shopcare.complaints.api.model.PolicyVersions;
import com.shopcare.complaints.api.model.PublishRequest;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.access.CallingAdmin;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

@RestController
public class PolicyController implements PolicyApi {

    private final ActivePolicy activePolicy;
    private final PolicyAdministration administration;
    private final CallingAdmin callingAdmin;

    public PolicyController(ActivePolicy activePolicy, PolicyAdministration administration, CallingAdmin callingAdmin) {
        this.activePolicy = activePolicy;
        this.administration = administration;
        this.callingAdmin = callingAdmin;
    }

    @Override
    public ResponseEntity<PolicySummary> getActivePolicy() {
        Policy policy = activePolicy.current();
        PolicySummary summary = new PolicySummary(policy.version(), policy.tables().stream()
                .map(table -> new PolicyTable(table.name(), table.source(), PolicyTable.KindEnum.fromValue(table.kind().name()))
                        .hitPolicy(table.hitPolicy())
                        .rows(table.rows()))
                .toList());
        return ResponseEntity.ok(summary);
    }

    @Override
    public ResponseEntity<PolicyDraft> createDraft(List<MultipartFile> files, MultipartFile pastComplaints) {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            names.add(file.getOriginalFilename());
            contents.add(bytes(file));
        }
        PolicyDraft draft = administration.createDraft(PolicyAdministration.uploads(names, contents),
                pastComplaints == null ? null : bytes(pastComplaints), callingAdmin.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(draft);
    }

    @Override
    public ResponseEntity<PolicyDrafts> listDrafts() {
        return ResponseEntity.ok(new PolicyDrafts(administration.drafts()));
    }

    @Override
    public ResponseEntity<PolicyDraft> getDraft(String draftId) {
        return ResponseEntity.ok(administration.draft(draftId));
    }

    @Override
    public ResponseEntity<PolicyFileList> listDraftFiles(String draftId) {
        return ResponseEntity.ok(new PolicyFileList(administration.draftFiles(draftId)));
    }

    @Override
    public ResponseEntity<Resource> downloadDraftFile(String draftId, String fileName) {
        return download(fileName, administration.draftFile(draftId, fileName));
    }

    @Override
    public ResponseEntity<PolicyChanges> getDraftChanges(String draftId) {
        return ResponseEntity.ok(administration.draftChanges(draftId));
    }

    @Override
    public ResponseEntity<PolicyDraft> approveDraft(String draftId, ApprovalRequest approvalRequest) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(administration.approve(draftId, approvalRequest.getComment(), callingAdmin.name()));
    }

    @Override
    public ResponseEntity<PolicyVersion> publishDraft(String draftId, PublishRequest publishRequest) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(administration.publish(draftId, publishRequest.getComment(), callingAdmin.name()));
    }

    @Override
    public ResponseEntity<PolicyVersions> listVersions() {
        return ResponseEntity.ok(new PolicyVersions().active(administration.activeVersion())
                .versions(administration.versions()));
    }

    @Override
    public ResponseEntity<PolicyVersion> activateVersion(String versionId) {
        return ResponseEntity.ok(administration.activate(versionId, callingAdmin.name()));
    }

    @Override
    public ResponseEntity<PolicyFileList> listVersionFiles(String versionId) {
        return ResponseEntity.ok(new PolicyFileList(administration.versionFiles(versionId)));
    }

    @Override
    public ResponseEntity<Resource> downloadVersionFile(String versionId, String fileName) {
        return download(fileName, administration.versionFile(versionId, fileName));
    }

    @Override
    public ResponseEntity<PolicyChanges> getVersionChanges(String versionId, String against) {
        return ResponseEntity.ok(administration.versionChanges(versionId, against));
    }

    /** A table is XML, a scenario file Gherkin text; either is saved under its own name. */
    private static ResponseEntity<Resource> download(String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(PolicyFiles.isScenario(fileName) ? new MediaType("text", "plain", StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(new ByteArrayResource(content));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
