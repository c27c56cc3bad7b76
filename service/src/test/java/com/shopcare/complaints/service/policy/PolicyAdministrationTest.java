package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.check.Drafts;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Part;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.decision.Answers;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer-service lead changes the MEDIUM voucher from 10 % to 12 % through the admin API, as the README walks
 * through it: draft and check, publish, replay under the old version, roll back; and every wrong step is a 4xx
 * problem while the active version keeps deciding. One instance with its own store, in the order a lead works.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyAdministrationTest {

    @TempDir
    static Path store;
    private static ServiceInstance service;
    private static ServiceClient admin;
    private static ServiceClient shop;
    private static String releaseVersion;
    private static String publishedVersion;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(store, "--decision.policy.check-sample-size=500");
        admin = service.admin();
        shop = service.shop();
        releaseVersion = admin.get("/v1/policy/versions").json().get("active").asString();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    @Order(1)
    void aShopKeyCannotSeeOrChangeThePolicy() {
        Reply versions = shop.get("/v1/policy/versions");
        Reply draft = shop.postMultipart("/v1/policy/drafts", upload(Drafts.COMPENSATION, Drafts.mediumVoucher(12)));

        assertThat(versions.status()).isEqualTo(403);
        assertThat(draft.status()).isEqualTo(403);
        assertThat(draft.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(2)
    void theFirstStartPublishedTheShippedTablesAsTheActiveVersion() {
        JsonNode versions = admin.get("/v1/policy/versions").json();

        assertThat(versions.get("versions")).hasSize(1);
        JsonNode release = versions.get("versions").get(0);
        assertThat(release.get("versionId").asString()).isEqualTo(releaseVersion).matches("\\d{8}-\\d{6}-[0-9a-f]{12}");
        assertThat(release.get("publishedBy").asString()).isEqualTo("release");
        assertThat(release.get("active").asBoolean()).isTrue();
        assertThat(voucherPercent(decide(null))).isEqualTo("10");
        assertThat(decide(null).get("policyVersion").asString()).isEqualTo(releaseVersion);
    }

    @Test
    @Order(3)
    void raisingTheMediumVoucherWithoutItsExamplesIsRefusedListingTheSevenExamplesAndCannotBePublished() {
        Reply created = admin.postMultipart("/v1/policy/drafts", upload(Drafts.COMPENSATION, Drafts.mediumVoucher(12)));

        assertThat(created.status()).as(created.body()).isEqualTo(422);
        String draftId = created.json().get("draftId").asString();
        JsonNode report = admin.get("/v1/policy/drafts/" + draftId).json().get("report");
        assertThat(report.get("scenarios").get("failures")).hasSize(7);
        assertThat(report.get("invariants").get("violations")).isEmpty();
        JsonNode impact = report.get("impact").get("sample");
        assertThat(impact.get("money")).anySatisfy(money -> {
            assertThat(money.get("currency").asString()).isEqualTo("EUR");
            assertThat(money.get("optionType").asString()).isEqualTo("VOUCHER");
            assertThat(new java.math.BigDecimal(money.get("difference").asString())).isPositive();
        });

        Reply publish = publish(draftId, "examples not updated");

        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.json().get("type").asString()).endsWith("/policy-check-failed");
        assertThat(publish.json().get("checkErrors")).hasSize(7).allSatisfy(error -> assertThat(error.asString())
                .matches("scenario P(8|9) P(8-guards|9-loyalty)\\.feature:\\d+ \\(.+\\): .*expected \\S+ but was \\S+.*"));
        assertThat(publish.json().get("checkErrors")).anySatisfy(error -> assertThat(error.asString())
                .startsWith("scenario P9 P9-loyalty.feature:36 ").contains("voucher percent: expected 10 but was 12"));
        assertActiveUnchanged();
    }

    @Test
    @Order(4)
    void raisingTheMediumVoucherTogetherWithItsExamplesPassesAndPublishesAndKeepsTheOldVersionForReplay() {
        Reply created = admin.postMultipart("/v1/policy/drafts", PolicyFixtures.mediumVoucher(12));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode draft = created.json();
        assertThat(draft.get("publishable").asBoolean()).isTrue();
        assertThat(draft.get("basedOn").asString()).isEqualTo(releaseVersion);
        assertThat(draft.get("createdBy").asString()).isEqualTo("ops");
        assertThat(draft.get("report").get("errors")).isEmpty();
        assertThat(draft.get("report").get("scenarios").get("failures")).isEmpty();
        assertThat(admin.get("/v1/policy/drafts/" + draft.get("draftId").asString()).json()).isEqualTo(draft);
        assertThat(voucherPercent(decide(null))).as("a draft decides nothing").isEqualTo("10");

        Reply published = publish(draft.get("draftId").asString(), "MEDIUM voucher 10 % -> 12 %, agreed with finance");

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        publishedVersion = published.json().get("versionId").asString();
        assertThat(published.json().get("comment").asString()).isEqualTo("MEDIUM voucher 10 % -> 12 %, agreed with finance");
        assertThat(published.json().get("publishedBy").asString()).isEqualTo("ops");
        assertThat(published.json().get("basedOn").asString()).isEqualTo(releaseVersion);
        JsonNode now = decide(null);
        assertThat(now.get("policyVersion").asString()).isEqualTo(publishedVersion);
        assertThat(voucherPercent(now)).isEqualTo("12");
        JsonNode replayed = decide(releaseVersion);
        assertThat(replayed.get("policyVersion").asString()).isEqualTo(releaseVersion);
        assertThat(voucherPercent(replayed)).isEqualTo("10");
    }

    @Test
    @Order(5)
    void theVersionListShowsWhoPublishedWhatAndItsTablesAndScenarioFilesCanBeDownloaded() {
        JsonNode versions = admin.get("/v1/policy/versions").json();
        Reply file = admin.get("/v1/policy/versions/" + publishedVersion + "/files/Compensation.dmn");
        Reply scenarios = admin.get("/v1/policy/versions/" + publishedVersion + "/files/" + Drafts.LOYALTY_SCENARIOS);
        Reply listing = admin.get("/v1/policy/versions/" + publishedVersion + "/files");

        assertThat(versions.get("active").asString()).isEqualTo(publishedVersion);
        assertThat(versions.get("versions")).extracting(v -> v.get("versionId").asString())
                .containsExactly(releaseVersion, publishedVersion);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/xml");
        assertThat(file.body()).isEqualTo(Drafts.mediumVoucher(12));
        assertThat(scenarios.status()).isEqualTo(200);
        assertThat(scenarios.contentType()).startsWith("text/plain");
        assertThat(scenarios.body()).isEqualTo(Drafts.loyaltyExamples(12));
        assertThat(listing.json().get("files")).hasSize(16)
                .filteredOn(entry -> entry.get("kind").asString().equals("SCENARIOS")).hasSize(10)
                .anySatisfy(entry -> {
                    assertThat(entry.get("name").asString()).isEqualTo(Drafts.LOYALTY_SCENARIOS);
                    assertThat(entry.get("policy").asString()).isEqualTo("P9");
                });
        assertThat(versions.get("versions").get(1).get("files")).hasSize(16);
    }

    @Test
    @Order(6)
    void aDraftBasedOnAnOlderVersionCannotBePublished() {
        // Made while the release was active, published after another version went live: it would undo that one.
        admin.post("/v1/policy/versions/" + releaseVersion + "/activate", "application/json", "");
        String stale = admin.postMultipart("/v1/policy/drafts", PolicyFixtures.mediumVoucher(11))
                .json().get("draftId").asString();
        admin.post("/v1/policy/versions/" + publishedVersion + "/activate", "application/json", "");

        Reply refused = publish(stale, "too late");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("checkErrors").get(0).asString()).contains("make a new draft");
        assertThat(decide(null).get("policyVersion").asString()).isEqualTo(publishedVersion);
    }

    @Test
    @Order(7)
    void rollingBackMakesTheReleaseDecideAgain() {
        Reply rolledBack = admin.post("/v1/policy/versions/" + releaseVersion + "/activate", "application/json", "");

        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.json().get("active").asBoolean()).isTrue();
        JsonNode now = decide(null);
        assertThat(now.get("policyVersion").asString()).isEqualTo(releaseVersion);
        assertThat(voucherPercent(now)).isEqualTo("10");
        assertThat(admin.get("/v1/policy/versions").json().get("active").asString()).isEqualTo(releaseVersion);
    }

    @Test
    @Order(8)
    void aDraftWithOverlappingRowsIsRefusedNamingTheRowsAndCannotBePublished() {
        Reply created = admin.postMultipart("/v1/policy/drafts", upload(Drafts.DISSATISFACTION, Drafts.overlappingLevels()));

        assertThat(created.status()).isEqualTo(422);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(created.json().get("checkErrors")).anySatisfy(error ->
                assertThat(error.asString()).contains("Dissatisfaction.dmn").contains("rules: [2, 3]"));
        String draftId = created.json().get("draftId").asString();
        JsonNode draft = admin.get("/v1/policy/drafts/" + draftId).json();
        assertThat(draft.get("publishable").asBoolean()).isFalse();
        assertThat(draft.get("report").get("analysis")).anySatisfy(finding -> {
            assertThat(finding.get("severity").asString()).isEqualTo("ERROR");
            assertThat(finding.get("kind").asString()).isEqualTo("DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE");
        });

        Reply publish = publish(draftId, "should not go live");

        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.json().get("checkErrors")).isNotEmpty();
        assertActiveUnchanged();
    }

    @Test
    @Order(9)
    void aMaliciousTableIsRefusedNamingTheFileAndTheConstruct() {
        Reply created = admin.postMultipart("/v1/policy/drafts", upload(Drafts.DISSATISFACTION, Drafts.externalFunction()));

        assertThat(created.status()).isEqualTo(422);
        assertThat(created.json().get("checkErrors")).anySatisfy(error ->
                assertThat(error.asString()).contains("Dissatisfaction.dmn").contains("external function"));
        assertActiveUnchanged();
    }

    @Test
    @Order(10)
    void aFileThatIsNotDmnIsRefused() {
        Reply created = admin.postMultipart("/v1/policy/drafts", upload(Drafts.COMPENSATION, "quarterly notes, not a table"));

        assertThat(created.status()).isEqualTo(422);
        assertThat(created.json().get("checkErrors")).anySatisfy(error ->
                assertThat(error.asString()).contains("Compensation.dmn"));
        assertActiveUnchanged();
    }

    @Test
    @Order(10)
    void aTableImportingAnotherModelIsRefusedNamingTheImport() {
        Reply created = admin.postMultipart("/v1/policy/drafts", upload(Drafts.COMPENSATION, Drafts.importingAnotherModel()));

        assertThat(created.status()).isEqualTo(422);
        assertThat(created.json().get("checkErrors")).anySatisfy(error ->
                assertThat(error.asString()).contains("Compensation.dmn", "imports another model", "Actions"));
        assertActiveUnchanged();
    }

    @Test
    @Order(11)
    void anUploadNamedLikeNoTableOfThePolicyIsABadRequestNamingThePart() {
        Reply created = admin.postMultipart("/v1/policy/drafts", upload("Bonus.dmn", Drafts.mediumVoucher(12)));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.json().get("errors").get(0).get("field").asString()).isEqualTo("files[0]");
        assertThat(created.json().get("errors").get(0).get("message").asString()).contains("Bonus.dmn");
        assertActiveUnchanged();
    }

    @Test
    @Order(12)
    void anUploadOverOneMebibyteIsRefusedUnread() {
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        Reply created = admin.postMultipart("/v1/policy/drafts", List.of(new Part("files", Drafts.COMPENSATION, huge)));

        assertThat(created.status()).isEqualTo(413);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertActiveUnchanged();
    }

    @Test
    @Order(13)
    void unknownDraftsVersionsAndFilesAre404Problems() {
        assertThat(admin.get("/v1/policy/drafts/d-0000000000000000").status()).isEqualTo(404);
        assertThat(publish("d-0000000000000000", "nothing").status()).isEqualTo(404);
        assertThat(admin.post("/v1/policy/versions/20200101-000000-000000000000/activate", "application/json", "")
                .status()).isEqualTo(404);
        Reply file = admin.get("/v1/policy/versions/" + releaseVersion + "/files/Bonus.dmn");
        assertThat(file.status()).isEqualTo(404);
        assertThat(file.contentType()).startsWith("application/problem+json");
        Reply pinned = shop.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/v1/decisions"))
                .header("Content-Type", "application/json")
                .header("Policy-Version", "20200101-000000-000000000000")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.MEDIUM_COMPLAINT)));
        assertThat(pinned.status()).isEqualTo(404);
        assertThat(pinned.json().get("detail").asString()).contains("20200101-000000-000000000000");
        assertActiveUnchanged();
    }

    @Test
    @Order(14)
    void aDamagedActivePointerKeepsTheVersionDecidingRefusesPublishingAndIsRepairedByAnActivation() throws Exception {
        Reply draft = admin.postMultipart("/v1/policy/drafts", PolicyFixtures.mediumVoucher(13));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        java.nio.file.Files.writeString(store.resolve("active"), "not a version id");

        Reply versions = admin.get("/v1/policy/versions");
        Reply published = publish(draft.json().get("draftId").asString(), "while damaged");

        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().get("active").asString()).isEqualTo(releaseVersion);
        assertThat(published.status()).isEqualTo(503);
        assertThat(published.json().get("type").asString()).endsWith("/policy-store-damaged");
        assertThat(published.json().get("detail").asString()).contains("activates a version");
        assertActiveUnchanged();

        assertThat(admin.post("/v1/policy/versions/" + releaseVersion + "/activate", "application/json", "").status())
                .isEqualTo(200);
        assertThat(java.nio.file.Files.readString(store.resolve("active")).strip()).isEqualTo(releaseVersion);
    }

    private static void assertActiveUnchanged() {
        JsonNode now = decide(null);
        assertThat(now.get("policyVersion").asString()).isEqualTo(releaseVersion);
        assertThat(voucherPercent(now)).isEqualTo("10");
    }

    private static List<Part> upload(String file, String content) {
        return List.of(new Part("files", file, Drafts.bytes(content)));
    }

    private static Reply publish(String draftId, String comment) {
        return admin.post("/v1/policy/drafts/" + draftId + "/publish", "application/json",
                "{\"comment\": \"" + comment + "\"}");
    }

    /** The MEDIUM complaint's decision, under a pinned version or (null) the active one. */
    private static JsonNode decide(String version) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/v1/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.MEDIUM_COMPLAINT));
        if (version != null) {
            request.header("Policy-Version", version);
        }
        Reply reply = shop.send(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static String voucherPercent(JsonNode decision) {
        return Answers.voucher(decision).get("percent").asString();
    }
}
