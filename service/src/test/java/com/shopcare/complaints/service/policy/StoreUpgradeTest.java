package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.check.Drafts;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.decision.Answers;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by the release before scenario files travelled with the tables: its versions have DMN files only,
 * and records without the version they were based on or an approval. The new release serves them as they are, holds
 * them to its shipped scenario files, and writes the scenario files into the first version published after it.
 */
class StoreUpgradeTest {

    @TempDir
    Path store;

    @Test
    void aStoreWithoutScenarioFilesKeepsEveryVersionAndTheFirstPublishWritesThemIntoTheNewVersion() throws IOException {
        PolicyStore old = FilePolicyStore.open(store, PolicyFiles.shipped(), Clock.systemUTC());
        String release = old.activeId().orElseThrow();
        String eleven = old.publish(PolicyFiles.shipped().with(Drafts.COMPENSATION, Drafts.bytes(Drafts.mediumVoucher(11))),
                "ops", "MEDIUM voucher 11 %").id();
        old.activate(eleven);
        writtenByTheOldRelease(store);

        try (ServiceInstance service = ServiceInstance.start(store, "--decision.policy.check-sample-size=200")) {
            ServiceClient admin = service.admin();
            JsonNode versions = admin.get("/v1/policy/versions").json();
            assertThat(versions.get("active").asString()).isEqualTo(eleven);
            assertThat(versions.get("versions")).extracting(v -> v.get("versionId").asString()).containsExactly(release, eleven);
            assertThat(versions.get("versions")).allSatisfy(v -> assertThat(v.get("files")).hasSize(16));
            assertThat(admin.get("/v1/policy/versions/" + eleven + "/files/" + Drafts.LOYALTY_SCENARIOS).body())
                    .isEqualTo(ScenarioBook.shippedTexts().get(Drafts.LOYALTY_SCENARIOS));
            assertThat(voucherPercent(service, null)).isEqualTo("11");

            Reply draft = admin.postMultipart("/v1/policy/drafts", PolicyFixtures.mediumVoucher(12));
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            Reply published = admin.post("/v1/policy/drafts/" + draft.json().get("draftId").asString() + "/publish",
                    "application/json", "{\"comment\": \"MEDIUM voucher 12 %, with its examples\"}");
            assertThat(published.status()).as(published.body()).isEqualTo(201);
            String twelve = published.json().get("versionId").asString();

            assertThat(scenarioFilesOnDisk(twelve)).hasSize(10).contains(Drafts.LOYALTY_SCENARIOS);
            assertThat(scenarioFilesOnDisk(release)).isEmpty();
            assertThat(scenarioFilesOnDisk(eleven)).isEmpty();
            assertThat(Files.readString(store.resolve("versions").resolve(twelve).resolve(Drafts.LOYALTY_SCENARIOS)))
                    .isEqualTo(Drafts.loyaltyExamples(12));
            assertThat(admin.get("/v1/policy/versions").json().get("versions"))
                    .extracting(v -> v.get("versionId").asString()).containsExactly(release, eleven, twelve);
            assertThat(published.json().get("basedOn").asString()).isEqualTo(eleven);
            assertThat(voucherPercent(service, null)).isEqualTo("12");
            assertThat(voucherPercent(service, release)).isEqualTo("10");
            assertThat(admin.post("/v1/policy/versions/" + eleven + "/activate", "application/json", "").status())
                    .isEqualTo(200);
            assertThat(voucherPercent(service, null)).isEqualTo("11");
        }
    }

    /** Each version's record as the old release wrote it: without {@code basedOn} and {@code approval}. */
    private static void writtenByTheOldRelease(Path store) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> versions = Files.list(store.resolve("versions"))) {
            for (Path version : versions.toList()) {
                Path record = version.resolve("version.json");
                ObjectNode fields = (ObjectNode) json.readTree(Files.readString(record));
                fields.remove(List.of("basedOn", "approval"));
                Files.writeString(record, json.writeValueAsString(fields));
            }
        }
    }

    private List<String> scenarioFilesOnDisk(String version) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("versions").resolve(version))) {
            return files.map(file -> file.getFileName().toString()).filter(PolicyFiles::isScenario).toList();
        }
    }

    private static String voucherPercent(ServiceInstance service, String version) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/v1/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.MEDIUM_COMPLAINT));
        if (version != null) {
            request.header("Policy-Version", version);
        }
        Reply reply = service.shop().send(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Answers.voucher(reply.json()).get("percent").asString();
    }
}
