package com.shopcare.complaints.scenarios;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a business user sees when a scenario fails, is misspelt or is not Gherkin at all. */
class ScenarioRunnerTest {

    private final ScenarioRunner runner = new ScenarioRunner(PolicyUnderTest.get());

    @Test
    void failingExampleReportsPolicyRowExpectedAndActual() {
        ExampleResult result = runOnly(outline("| level | <level> |", "| issue type | level |",
                "| DEFECTIVE_PRODUCT | LOW |"));

        assertThat(result.passed()).isFalse();
        assertThat(result.mismatches()).containsExactly(new Mismatch("level", "LOW", "MEDIUM"));
        assertThat(result.describe())
                .contains("P1 P1-test.feature:" + result.example().line())
                .contains("issue type=DEFECTIVE_PRODUCT")
                .contains("level: expected LOW but was MEDIUM");
    }

    @Test
    void eachExamplesRowIsOneExampleAtItsOwnLine() {
        List<Example> examples = book(outline("| level | <level> |", "| issue type | level |",
                "| LATE_DELIVERY | LOW |", "| DEFECTIVE_PRODUCT | MEDIUM |")).examples();

        assertThat(examples).extracting(Example::line).containsExactly(18L, 19L);
        assertThat(examples).extracting(e -> runner.run(e).passed()).containsExactly(true, true);
    }

    @Test
    void amountsCompareWithTheCurrencysDecimals() {
        ExampleResult result = runOnly(outline("| VOUCHER amount | <voucher> |", "| issue type | voucher |",
                "| LATE_DELIVERY | 5 |"));

        assertThat(result.mismatches()).containsExactly(new Mismatch("voucher amount", "5", "5.00"));
    }

    @Test
    void misspeltExpectationIsReportedNotIgnored() {
        ExampleResult result = runOnly(outline("| leval | <level> |", "| issue type | level |",
                "| LATE_DELIVERY | LOW |"));

        assertThat(result.passed()).isFalse();
        assertThat(result.problem()).contains("'leval'").contains("not a decision term");
    }

    @Test
    void misspeltComplaintTermIsReportedNotIgnored() {
        ExampleResult result = runOnly(outline("| level | <level> |", "| isue type | level |",
                "| LATE_DELIVERY | LOW |").replace("| issue type | <issue type> |", "| isue type | <isue type> |"));

        assertThat(result.problem()).contains("'isue type'").contains("not a complaint term");
    }

    @Test
    void valueOutsideThePolicysVocabularyIsReported() {
        ExampleResult result = runOnly(outline("| level | <level> |", "| issue type | level |",
                "| LATE_DELIVRY | LOW |"));

        assertThat(result.problem()).contains("the policy could not decide it");
    }

    @Test
    void fileWithoutPolicyIdIsRejectedWithItsName() {
        String text = outline("| level | <level> |", "| issue type | level |", "| LATE_DELIVERY | LOW |")
                .replace("Feature: P1 Test", "Feature: Test");

        assertThatThrownBy(() -> book(text)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("P1-test.feature:1").hasMessageContaining("must start with the policy");
    }

    @Test
    void gherkinSyntaxErrorNamesFileAndLine() {
        String text = "Feature: P1 Test\n  Scenario: broken\n    Then the decision has:\n"
                + "      | level | LOW |\n      | score |\n";

        assertThatThrownBy(() -> book(text)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("P1-test.feature:5").hasMessageContaining("inconsistent cell count");
    }

    @Test
    void scenarioWithoutExpectationsIsRejected() {
        String text = "Feature: P1 Test\n  Scenario: nothing expected\n    Given a complaint:\n"
                + "      | issue type | LATE_DELIVERY |\n";

        assertThatThrownBy(() -> book(text)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("expects nothing");
    }

    private ExampleResult runOnly(String text) {
        List<Example> examples = book(text).examples();
        assertThat(examples).hasSize(1);
        return runner.run(examples.get(0));
    }

    private static ScenarioBook book(String text) {
        return ScenarioBook.of(Map.of("P1-test.feature", text));
    }

    /** A one-outline file on a calm 100.00 EUR complaint that varies the issue type; rows start at line 18. */
    private static String outline(String expectation, String header, String... rows) {
        return """
                Feature: P1 Test
                  Background:
                    Given a complaint:
                      | responsibility | SHOP    |
                      | channel        | EMAIL   |
                      | emotion        | CALM    |
                      | order value    | 100.00  |
                      | currency       | EUR     |
                      | tier           | REGULAR |
                  Scenario Outline: varies the issue type
                    When the complaint has:
                      | issue type | <issue type> |
                    Then the decision has:
                      %s

                    Examples:
                      %s
                      %s
                """.formatted(expectation, header, String.join("\n      ", rows));
    }
}
