package com.shopcare.complaints.service.policy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.shopcare.complaints.check.Drafts;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Part;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.decision.Answers;
import com.shopcare.complaints.service.decision.Requests;
import com.shopcare.complaints.service.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer-service lead owns the whole policy, examples included, under four eyes: the scenario files travel
 * with the tables in a draft, a change is shown row by row, a complaint is tried under the draft, a second admin
 * approves, and only then is it published. Every wrong step is a 4xx problem naming the file or field, and the active
 * version keeps deciding. One instance with approvals required, in the order the two admins work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BusinessOwnedPolicyTest {

    @TempDir
    static Path store;
    private static ServiceInstance service;
    /** The author of the drafts, "ops". */
    private static ServiceClient author;
    /** The second pair of eyes, "lead". */
    private static ServiceClient reviewer;
    private static ServiceClient shop;
    private static String releaseVersion;
    private static String draftId;
    private static String publishedVersion;
    private static final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(store, "--decision.policy.check-sample-size=300",
                "--decision.policy.approvals-required=1");
        // After the start: Spring Boot configures logging afresh when it starts.
        Logger auditLog = (Logger) LoggerFactory.getLogger("policy-audit");
        auditLog.setLevel(Level.INFO);
        auditLog.setAdditive(false);
        auditLog.addAppender(audit);
        audit.start();
        author = service.admin();
        reviewer = new ServiceClient(service.port(), TestKeys.SECOND_ADMIN);
        shop = service.shop();
        releaseVersion = PolicyFixtures.activeVersion(author);
    }

    @AfterAll
    static void stop() {
        service.close();
        ((Logger) LoggerFactory.getLogger("policy-audit")).detachAppender(audit);
    }

    @Test
    @Order(1)
    void aScenarioFileWithAGherkinErrorIsRefusedNamingFileAndLine() {
        String broken = Drafts.shippedScenarios(Drafts.LOYALTY_SCENARIOS).replaceFirst("    Examples:", "    Exampels:");

        Reply created = author.postMultipart("/v1/policy/drafts", PolicyFixtures.upload(Map.of(Drafts.LOYALTY_SCENARIOS, broken)));

        assertThat(created.status()).isEqualTo(422);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(created.json().get("checkErrors")).anySatisfy(error ->
                assertThat(error.asString()).matches("ERROR P9-loyalty\\.feature:\\d+: .+"));
        JsonNode finding = author.get("/v1/policy/drafts/" + created.json().get("draftId").asString()).json()
                .get("report").get("structure").get(0);
        assertThat(finding.get("file").asString()).isEqualTo(Drafts.LOYALTY_SCENARIOS);
        assertThat(finding.get("line").asInt()).isEqualTo(lineOf(broken, "Exampels:"));
        assertActiveUnchanged();
    }

    @Test
    @Order(2)
    void aScenarioFileNamedForAPolicyThatDoesNotExistIsABadRequestNamingTheFile() {
        Reply created = author.postMultipart("/v1/policy/drafts",
                PolicyFixtures.upload(Map.of("P11-bonus-points.feature", Drafts.shippedScenarios(Drafts.LOYALTY_SCENARIOS))));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.json().get("errors").get(0).get("field").asString()).isEqualTo("files[0]");
        assertThat(created.json().get("errors").get(0).get("message").asString()).contains("P11-bonus-points.feature", "P11");
        assertActiveUnchanged();
    }

    @Test
    @Order(3)
    void fileNamesWithAPathInThemAreBadRequestsNamingTheField() {
        Reply upload = author.postMultipart("/v1/policy/drafts",
                List.of(new Part("files", "../Compensation.dmn", Drafts.bytes(Drafts.mediumVoucher(12)))));
        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.json().get("errors").get(0).get("field").asString()).isEqualTo("files[0]");
        assertThat(upload.json().get("errors").get(0).get("message").asString()).contains("is a path");

        for (String name : List.of("..%2FCompensation.dmn", "..%5CCompensation.dmn", "%2E%2E%2Factive", "a%5Cb.feature")) {
            Reply download = author.get("/v1/policy/versions/" + releaseVersion + "/files/" + name);
            assertThat(download.status()).as(name).isEqualTo(400);
            assertThat(download.contentType()).as(name).startsWith("application/problem+json");
            assertThat(download.json().get("errors").get(0).get("field").asString()).as(name).isEqualTo("fileName");
            assertThat(download.json().get("correlationId")).as(name).isNotNull();
        }
        Reply nul = author.get("/v1/policy/versions/" + releaseVersion + "/files/Compensation%00.dmn");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.contentType()).startsWith("application/problem+json");
        assertActiveUnchanged();
    }

    @Test
    @Order(4)
    void aDraftIdenticalToTheActiveVersionIsNoChangesAndCannotBePublished() {
        Reply created = author.postMultipart("/v1/policy/drafts", PolicyFixtures.upload(Map.of(
                Drafts.COMPENSATION, Drafts.shipped(Drafts.COMPENSATION),
                Drafts.LOYALTY_SCENARIOS, Drafts.shippedScenarios(Drafts.LOYALTY_SCENARIOS))));

        assertThat(created.status()).isEqualTo(422);
        assertThat(created.json().get("checkErrors")).singleElement().satisfies(error ->
                assertThat(error.asString()).startsWith("no changes"));
        String unchanged = created.json().get("draftId").asString();
        JsonNode changes = author.get("/v1/policy/drafts/" + unchanged + "/changes").json();
        assertThat(changes.get("tables")).isEmpty();
        assertThat(changes.get("scenarios")).isEmpty();

        Reply publish = publish(author, unchanged, "same again");

        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.json().get("checkErrors").get(0).asString()).startsWith("no changes");
        assertThat(author.get("/v1/policy/versions").json().get("versions")).hasSize(1);
    }

    @Test
    @Order(5)
    void theChangesOfTheVoucherDraftAreExactlyTheOneRowWithItsCellBeforeAndAfterAndTheSevenExamples() {
        Reply created = author.postMultipart("/v1/policy/drafts", PolicyFixtures.mediumVoucher(12));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        draftId = created.json().get("draftId").asString();
        assertThat(created.json().get("approvalRequired").asBoolean()).isTrue();

        JsonNode changes = author.get("/v1/policy/drafts/" + draftId + "/changes").json();

        assertThat(changes.get("from").asString()).isEqualTo(releaseVersion);
        assertThat(changes.get("to").asString()).isEqualTo(draftId);
        assertThat(changes.get("tables")).singleElement().satisfies(table -> {
            assertThat(table.get("file").asString()).isEqualTo(Drafts.COMPENSATION);
            assertThat(table.get("rows")).singleElement().satisfies(row -> {
                assertThat(row.get("kind").asString()).isEqualTo("CHANGED");
                assertThat(row.get("annotationBefore").asString()).contains("MEDIUM dissatisfaction: a voucher of 10 %");
                assertThat(row.get("annotationAfter").asString()).contains("MEDIUM dissatisfaction: a voucher of 12 %");
                assertThat(row.get("cells")).singleElement().satisfies(cell -> {
                    assertThat(cell.get("before").asString()).isEqualTo("10");
                    assertThat(cell.get("after").asString()).isEqualTo("12");
                });
            });
        });
        assertThat(changes.get("scenarios")).extracting(file -> file.get("file").asString())
                .containsExactly(Drafts.GUARDS_SCENARIOS, Drafts.LOYALTY_SCENARIOS);
        assertThat(changes.get("scenarios")).flatExtracting(file -> file.get("examples").valueStream().toList())
                .hasSize(7).allSatisfy(example -> assertThat(example.get("kind").asString()).isEqualTo("CHANGED"));
    }

    @Test
    @Order(6)
    void aComplaintTriedUnderTheDraftGetsTheNewVoucherWhileShopsStillGetTheOld() {
        String countedBefore = decisionsCounted();

        Reply tried = author.post("/v1/policy/drafts/" + draftId + "/decisions", "application/json", Requests.MEDIUM_COMPLAINT);

        assertThat(tried.status()).as(tried.body()).isEqualTo(200);
        assertThat(tried.json().get("policyVersion").asString()).isEqualTo(draftId);
        assertThat(Answers.voucher(tried.json()).get("percent").asString()).isEqualTo("12");
        assertThat(Answers.voucher(tried.json()).get("amount").asString()).isEqualTo("12.00");
        assertThat(tried.json().get("explanation")).anySatisfy(line ->
                assertThat(line.get("detail").asString()).contains("a voucher of 12 %"));
        assertThat(decisionsCounted()).as("not a shop's decision").isEqualTo(countedBefore);
        assertActiveUnchanged();
        Reply byShop = shop.post("/v1/policy/drafts/" + draftId + "/decisions", "application/json", Requests.MEDIUM_COMPLAINT);
        assertThat(byShop.status()).isEqualTo(403);
        Reply invalid = author.post("/v1/policy/drafts/" + draftId + "/decisions", "application/json",
                Requests.MEDIUM_COMPLAINT.replace("ANGRY", "CROSS"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("complaint.emotion");
    }

    @Test
    @Order(7)
    void withoutAnApprovalTheDraftCannotBePublished() {
        Reply publish = publish(author, draftId, "MEDIUM voucher 12 %");

        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.json().get("type").asString()).endsWith("/approval-required");
        assertThat(publish.json().get("checkErrors").get(0).asString()).contains("no approval", "ops");
        assertActiveUnchanged();
    }

    @Test
    @Order(8)
    void theAuthorCannotApproveTheirOwnDraft() {
        Reply own = approve(author, draftId, "looks good to me");

        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("type").asString()).endsWith("/own-draft");
        assertThat(own.json().get("detail").asString()).contains("ops");
    }

    @Test
    @Order(9)
    void approvingADraftThatDoesNotExistOrHasErrorsIsRefused() {
        Reply missing = approve(reviewer, "d-0000000000000000", "fine");
        String failing = author.postMultipart("/v1/policy/drafts",
                List.of(new Part("files", Drafts.COMPENSATION, Drafts.bytes(Drafts.mediumVoucher(12))))).json()
                .get("draftId").asString();
        Reply withErrors = approve(reviewer, failing, "fine");
        Reply noComment = reviewer.post("/v1/policy/drafts/" + draftId + "/approvals", "application/json", "{}");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(withErrors.status()).isEqualTo(409);
        assertThat(withErrors.json().get("type").asString()).endsWith("/policy-check-failed");
        assertThat(withErrors.json().get("checkErrors")).hasSize(7);
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
    }

    @Test
    @Order(10)
    void aSecondAdminApprovesThenThePublishedVersionShowsAuthorApproverCommentsAndTimes() {
        Reply approved = approve(reviewer, draftId, "Checked the 7 examples; 12 % is what finance agreed");
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.json().get("approval").get("approvedBy").asString()).isEqualTo("lead");
        assertThat(approve(reviewer, draftId, "again").json().get("type").asString()).endsWith("/already-approved");

        Reply published = publish(author, draftId, "MEDIUM voucher 10 % -> 12 %");

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        publishedVersion = published.json().get("versionId").asString();
        JsonNode version = author.get("/v1/policy/versions").json().get("versions").get(1);
        assertThat(version.get("versionId").asString()).isEqualTo(publishedVersion);
        assertThat(version.get("publishedBy").asString()).isEqualTo("ops");
        assertThat(version.get("comment").asString()).isEqualTo("MEDIUM voucher 10 % -> 12 %");
        assertThat(version.get("publishedAt").asString()).isNotBlank();
        assertThat(version.get("basedOn").asString()).isEqualTo(releaseVersion);
        assertThat(version.get("approval").get("approvedBy").asString()).isEqualTo("lead");
        assertThat(version.get("approval").get("comment").asString()).isEqualTo("Checked the 7 examples; 12 % is what finance agreed");
        assertThat(version.get("approval").get("approvedAt").asString()).isNotBlank();
        JsonNode decided = shop.post("/v1/decisions", "application/json", Requests.MEDIUM_COMPLAINT).json();
        assertThat(decided.get("policyVersion").asString()).isEqualTo(publishedVersion);
        assertThat(Answers.voucher(decided).get("percent").asString()).isEqualTo("12");
    }

    @Test
    @Order(11)
    void theChangesOfAPublishedVersionAreThoseOfItsDraftAndAnUnknownOtherVersionIsABadRequest() {
        JsonNode changes = author.get("/v1/policy/versions/" + publishedVersion + "/changes").json();
        JsonNode none = author.get("/v1/policy/versions/" + publishedVersion + "/changes?against=" + publishedVersion).json();
        JsonNode back = author.get("/v1/policy/versions/" + releaseVersion + "/changes?against=" + publishedVersion).json();
        Reply unknown = author.get("/v1/policy/versions/" + publishedVersion + "/changes?against=20200101-000000-000000000000");
        Reply malformed = author.get("/v1/policy/versions/" + publishedVersion + "/changes?against=..%2F..");

        assertThat(changes.get("from").asString()).isEqualTo(releaseVersion);
        assertThat(changes.get("tables")).isEqualTo(author.get("/v1/policy/drafts/" + draftId + "/changes").json().get("tables"));
        assertThat(none.get("tables")).isEmpty();
        assertThat(none.get("scenarios")).isEmpty();
        assertThat(back.get("tables").get(0).get("rows").get(0).get("cells").get(0).get("after").asString()).isEqualTo("10");
        for (Reply refused : List.of(unknown, malformed)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("against");
        }
    }

    @Test
    @Order(12)
    void theDraftsAndVersionsFilesAreListedAndDownloadedTablesAndScenariosAlike() {
        JsonNode listing = author.get("/v1/policy/drafts/" + draftId + "/files").json().get("files");
        Reply scenario = author.get("/v1/policy/drafts/" + draftId + "/files/" + Drafts.GUARDS_SCENARIOS);
        Reply missing = author.get("/v1/policy/drafts/" + draftId + "/files/P8-other.feature");

        assertThat(listing).extracting(file -> file.get("name").asString())
                .contains(Drafts.COMPENSATION, Drafts.GUARDS_SCENARIOS, Drafts.LOYALTY_SCENARIOS).hasSize(16);
        assertThat(scenario.status()).isEqualTo(200);
        assertThat(scenario.body()).isEqualTo(Drafts.guardExamples(new java.math.BigDecimal(12)));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).contains("P8-other.feature");
    }

    @Test
    @Order(13)
    void everyAdminActionIsOneAuditLineWithTheAdminTheIdsAndTheOutcome() {
        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();

        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("action=draft", "admin=ops", "draftId=" + draftId, "basedOn=" + releaseVersion, "outcome=done"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("action=approve", "admin=ops", "draftId=" + draftId, "outcome=refused", "reason=own-draft"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("action=approve", "admin=lead", "draftId=" + draftId, "outcome=done"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("action=publish", "admin=ops", "draftId=" + draftId, "outcome=refused", "reason=approval-required"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("action=publish", "admin=ops",
                "versionId=" + publishedVersion, "approvedBy=lead", "outcome=done"));
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("policy-audit action="));
    }

    private static void assertActiveUnchanged() {
        JsonNode decided = shop.post("/v1/decisions", "application/json", Requests.MEDIUM_COMPLAINT).json();
        assertThat(decided.get("policyVersion").asString()).isEqualTo(releaseVersion);
        assertThat(Answers.voucher(decided).get("percent").asString()).isEqualTo("10");
    }

    private static Reply publish(ServiceClient admin, String draft, String comment) {
        return admin.post("/v1/policy/drafts/" + draft + "/publish", "application/json", "{\"comment\": \"" + comment + "\"}");
    }

    private static Reply approve(ServiceClient admin, String draft, String comment) {
        return admin.post("/v1/policy/drafts/" + draft + "/approvals", "application/json", "{\"comment\": \"" + comment + "\"}");
    }


    /** The shops' decision counters as the metrics endpoint shows them. */
    private static String decisionsCounted() {
        return author.get("/actuator/prometheus").body().lines().filter(line -> line.startsWith("decisions_total"))
                .sorted().reduce("", (a, b) -> a + b + "\n");
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment + " is not in the text");
    }
}
