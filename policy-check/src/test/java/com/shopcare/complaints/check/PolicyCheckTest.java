package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.engine.PolicyFinding;
import com.shopcare.complaints.engine.Vocabulary;
import com.shopcare.complaints.scenarios.ScenarioBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The draft check on edits a customer-service lead makes, good and bad. */
class PolicyCheckTest {

    private static final PolicyCompiler COMPILER = new PolicyCompiler();
    private static final Policy ACTIVE = COMPILER.compile(PolicyFiles.shipped());
    /** The release as a store holds it: the shipped tables and the shipped scenario files. */
    private static final PolicyFiles RELEASE = ScenarioBook.withShippedScenariosIfNone(PolicyFiles.shipped());
    /** Smaller than the service's sample, to keep the build fast; one test below checks the full size. */
    private static final PolicyCheck CHECK = new PolicyCheck(COMPILER, 500, PolicyCheck.DEFAULT_BUDGET);
    private static final byte[] PAST_COMPLAINTS = Drafts.bytes("""
            issue type,responsibility,channel,emotion,contact count,order value,currency,tier
            LATE_DELIVERY,SHOP,EMAIL,ANGRY,1,100.00,EUR,REGULAR
            DEFECTIVE_PRODUCT,CUSTOMER,PHONE,CALM,1,"1,000.00",EUR,NEW
            """);

    /**
     * The MEDIUM voucher raised to 12 %, with the two past complaints above: three tests read parts of this one
     * report (a check is deterministic, and the past complaints only add the past impact), so it is checked once.
     */
    private static final class MediumVoucherAt12 {
        static final CheckReport REPORT = CHECK.check(draft(Drafts.COMPENSATION, Drafts.mediumVoucher(12)), ACTIVE,
                PastComplaints.parse(PAST_COMPLAINTS)).report();
    }

    @Test
    void raisingTheMediumVoucherShowsTheExtraVoucherMoney() {
        CheckReport report = MediumVoucherAt12.REPORT;

        DecisionImpact.Result impact = report.sampleImpact();
        assertThat(impact.changed()).isPositive();
        assertThat(impact.byField()).containsEntry("level", 0).containsEntry("path", 0);
        assertThat(impact.byField().get("compensation")).isEqualTo(impact.changed());
        assertThat(impact.money()).filteredOn(money -> money.optionType().equals("VOUCHER"))
                .isNotEmpty()
                .allSatisfy(money -> assertThat(money.after()).isGreaterThan(money.before()));
        assertThat(impact.money()).filteredOn(money -> !money.optionType().equals("VOUCHER"))
                .allSatisfy(money -> assertThat(money.difference()).isZero());
        assertThat(impact.examples()).isNotEmpty().allSatisfy(change ->
                assertThat(change.after().get("compensation")).contains("VOUCHER"));
    }

    @Test
    void scenarioExamplesThatPinTheOldPercentageAreErrorsWithFileLineExpectedAndActual() {
        CheckReport report = MediumVoucherAt12.REPORT;

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).hasSize(report.scenarios().failures().size()).allSatisfy(error ->
                assertThat(error).matches("scenario P\\d+ P\\d+-[a-z-]+\\.feature:\\d+ \\(.*\\): .*expected .* but was .*"));

        assertThat(report.scenarios().examples()).isGreaterThan(100);
        assertThat(report.scenarios().failures()).isNotEmpty().anySatisfy(failure -> {
            assertThat(failure.example().file()).isEqualTo("P8-guards.feature");
            assertThat(failure.mismatches()).anySatisfy(mismatch -> {
                assertThat(mismatch.term()).isEqualTo("voucher amount");
                assertThat(mismatch.expected()).isEqualTo("1.00");
                assertThat(mismatch.actual()).isEqualTo("1.20");
            });
        });
    }

    @Test
    void raisingTheMediumVoucherTogetherWithTheExamplesThatPinItPasses() {
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        Drafts.mediumVoucherWithExamples(12).forEach((name, text) -> files.put(name, Drafts.bytes(text)));

        CheckReport report = CHECK.check(RELEASE.withAll(files), ACTIVE, null).report();

        assertThat(report.errors()).isEmpty();
        assertThat(report.scenarios().failures()).isEmpty();
        assertThat(report.scenarios().examples()).isEqualTo(MediumVoucherAt12.REPORT.scenarios().examples());
    }

    @Test
    void aScenarioFileWithAGherkinErrorIsAnErrorNamingFileAndLine() {
        String broken = Drafts.shippedScenarios(Drafts.LOYALTY_SCENARIOS).replaceFirst("    Examples:", "    Exampels:");

        CheckReport report = CHECK.check(RELEASE.with(Drafts.LOYALTY_SCENARIOS, Drafts.bytes(broken)), ACTIVE, null).report();

        assertThat(report.passed()).isFalse();
        assertThat(report.structure()).filteredOn(PolicyFinding::isError).singleElement().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo(Drafts.LOYALTY_SCENARIOS);
            assertThat(finding.line()).isPositive();
            assertThat(finding.kind()).isEqualTo("SCENARIO_FILE");
        });
        assertThat(report.scenarios()).isNull();
    }

    @Test
    void aScenarioFileWhoseFeatureLineNamesAnotherPolicyThanItsNameIsAnError() {
        String other = Drafts.shippedScenarios(Drafts.LOYALTY_SCENARIOS).replaceFirst("Feature: P9 ", "Feature: P11 ");

        CheckReport report = CHECK.check(RELEASE.with(Drafts.LOYALTY_SCENARIOS, Drafts.bytes(other)), ACTIVE, null).report();

        assertThat(report.errors()).anySatisfy(error -> assertThat(error)
                .startsWith("ERROR P9-loyalty.feature:1: ").contains("about P11", "its name says P9"));
        assertThat(report.scenarios()).isNull();
    }

    @Test
    void anExampleWithAnUnknownTermIsAnErrorNamingFileAndLine() {
        String unknown = Drafts.shippedScenarios(Drafts.LOYALTY_SCENARIOS).replaceFirst("\\| tier ", "| rank ");

        CheckReport report = CHECK.check(RELEASE.with(Drafts.LOYALTY_SCENARIOS, Drafts.bytes(unknown)), ACTIVE, null).report();

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).isNotEmpty().allSatisfy(error ->
                assertThat(error).matches("scenario P9 P9-loyalty\\.feature:\\d+ .*rank.*"));
    }

    @Test
    void aDraftTooSlowToDecideItsSampleInTheBudgetIsAnErrorNotAWait() {
        // No time at all: the check stops before the first sample complaint, as it would after a minute of a slow table.
        PolicyCheck impatient = new PolicyCheck(COMPILER, 500, Duration.ZERO);

        CheckReport report = impatient.check(RELEASE.with(Drafts.COMPENSATION, Drafts.bytes(Drafts.mediumVoucher(12))),
                ACTIVE, null).report();

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).anySatisfy(error ->
                assertThat(error).contains("deciding the sample took longer than 0 s", "stopped after 0 of 500 complaints"));
        assertThat(report.sampleImpact()).isNull();
    }

    @Test
    void aTableImportingAnotherModelIsAnErrorNamingTheImport() {
        CheckReport report = check(Drafts.COMPENSATION, Drafts.importingAnotherModel()).report();

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).anySatisfy(error -> assertThat(error).contains(Drafts.COMPENSATION, "import", "Actions"));
    }

    @Test
    void anOverlapInAUniqueTableIsAnErrorNamingTheRows() {
        CheckReport report = check(Drafts.DISSATISFACTION, Drafts.overlappingLevels()).report();

        assertThat(report.passed()).isFalse();
        assertThat(report.analysis()).filteredOn(PolicyFinding::isError).anySatisfy(finding -> {
            assertThat(finding.file()).isEqualTo(Drafts.DISSATISFACTION);
            assertThat(finding.kind()).isEqualTo("DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE");
            assertThat(finding.message()).contains("rules: [2, 3]");
        });
        assertThat(report.errors()).anySatisfy(error -> assertThat(error).contains("Dissatisfaction.dmn")
                .contains("rules: [2, 3]"));
    }

    @Test
    void aScoreThatFallsWhenTheCustomerGetsAngrierIsAnInvariantErrorWithBothComplaints() {
        CheckReport report = check(Drafts.DISSATISFACTION, Drafts.furiousPoints(5)).report();

        assertThat(report.passed()).isFalse();
        assertThat(report.invariants().violations()).anySatisfy(violation -> {
            assertThat(violation.invariant()).isEqualTo(2);
            assertThat(violation.finding()).startsWith("the score fell from");
            assertThat(violation.complaint().get("emotion")).isEqualTo("ANGRY");
            assertThat(violation.raised().get("emotion")).isEqualTo("FURIOUS");
            assertThat(Integer.parseInt(violation.raisedDecision().get("score")))
                    .isLessThan(Integer.parseInt(violation.decision().get("score")));
        });
        assertThat(report.errors()).anySatisfy(error -> assertThat(error).startsWith("invariant 2: the score fell"));
    }

    @Test
    void aJavaExternalFunctionIsRefusedBeforeAnyEngineReadsTheFiles() {
        PolicyCheck.Checked checked = check(Drafts.DISSATISFACTION, Drafts.externalFunction());

        assertThat(checked.draft()).as("never compiled").isNull();
        assertThat(checked.report().safety()).anySatisfy(finding -> {
            assertThat(finding.file()).isEqualTo(Drafts.DISSATISFACTION);
            assertThat(finding.message()).containsIgnoringCase("external");
        });
        assertThat(checked.report().structure()).isEmpty();
        assertThat(checked.report().invariants()).isNull();
        assertThat(checked.report().notChecked()).singleElement().asString().contains("unsafe");
    }

    @Test
    void aFileThatIsNotDmnIsAnError() {
        CheckReport report = check(Drafts.COMPENSATION, "just some notes, not a table").report();

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).anySatisfy(error -> assertThat(error).contains("Compensation.dmn"));
    }

    @Test
    void aTableThatDoesNotCompileIsAStructureErrorAndNothingIsDecided() {
        // A percentage written as words: FEEL reads it as the name of something the table does not have.
        CheckReport report = check(Drafts.COMPENSATION, Drafts.mediumVoucher("ten percent")).report();

        assertThat(report.structure()).filteredOn(PolicyFinding::isError).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.file()).isEqualTo(Drafts.COMPENSATION));
        assertThat(report.invariants()).isNull();
        assertThat(report.sampleImpact()).isNull();
        assertThat(report.notChecked()).singleElement().asString().contains("does not compile");
    }

    @Test
    void pastComplaintsAreComparedToo() {
        CheckReport report = MediumVoucherAt12.REPORT;

        assertThat(report.pastImpact().complaints()).isEqualTo(2);
        assertThat(report.pastImpact().changed()).isEqualTo(1);
        assertThat(report.pastImpact().money()).singleElement().satisfies(money -> {
            assertThat(money.optionType()).isEqualTo("VOUCHER");
            assertThat(money.before()).isEqualByComparingTo("10.00");
            assertThat(money.after()).isEqualByComparingTo("12.00");
        });
    }

    @Test
    void theServiceSampleIsTheSameEveryTimeAndCoversEveryEmotionIssueAndLevel() {
        List<Complaint> sample = new ComplaintSample(ACTIVE).generate(PolicyCheck.SAMPLE_SIZE, PolicyCheck.SAMPLE_SEED);

        assertThat(sample).hasSize(10_000);
        assertThat(sample).isEqualTo(new ComplaintSample(ACTIVE).generate(PolicyCheck.SAMPLE_SIZE, PolicyCheck.SAMPLE_SEED));
        assertThat(sample).extracting(Complaint::emotion).containsAll(ACTIVE.enumerations().get("Emotion"));
        assertThat(sample).extracting(Complaint::issueType).containsAll(ACTIVE.enumerations().get("Issue Type"));
        assertThat(sample).allSatisfy(complaint ->
                assertThat(complaint.affectedValue()).isLessThanOrEqualTo(complaint.orderValue()));
        // Decided until every level of the policy's type has come up, not further: the rest cannot add one (a level
        // outside the type fails its decision).
        List<String> allLevels = ACTIVE.enumerations().get(Vocabulary.INCIDENT_LEVEL);
        Set<String> levels = new LinkedHashSet<>();
        for (Iterator<Complaint> complaints = sample.iterator(); complaints.hasNext() && levels.size() < allLevels.size(); ) {
            levels.add(ACTIVE.decide(complaints.next()).dissatisfaction().level());
        }
        assertThat(levels).as("every level comes up").hasSize(4).containsExactlyInAnyOrderElementsOf(allLevels);
    }

    @Test
    void theShippedTablesCheckCleanAgainstThemselves() {
        CheckReport report = CHECK.check(RELEASE, ACTIVE, null).report();

        assertThat(report.errors()).isEmpty();
        assertThat(report.analysis()).noneMatch(PolicyFinding::isError);
        assertThat(report.scenarios().failures()).isEmpty();
        assertThat(report.sampleImpact().changed()).isZero();
        assertThat(report.sampleImpact().money()).allSatisfy(money ->
                assertThat(money.difference()).isEqualByComparingTo(BigDecimal.ZERO));
    }

    private static PolicyCheck.Checked check(String file, String content) {
        return CHECK.check(draft(file, content), ACTIVE, null);
    }

    private static PolicyFiles draft(String file, String content) {
        return RELEASE.with(file, Drafts.bytes(content));
    }
}
