package com.shopcare.complaints.scenarios;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example of every shipped scenario file, one test each, against the policy under test. */
class ShippedScenariosTest {

    private static final ScenarioBook BOOK = ScenarioBook.shipped();

    @TestFactory
    Stream<DynamicContainer> everyExampleGetsTheDecisionItExpects() {
        ScenarioRunner runner = new ScenarioRunner(PolicyUnderTest.get());
        return BOOK.files().stream().map(file -> DynamicContainer.dynamicContainer(file.name(),
                file.examples().stream().map(example -> DynamicTest.dynamicTest(
                        "line " + example.line() + ": " + example.scenario(), () -> {
                            ExampleResult result = runner.run(example);
                            assertThat(result.passed()).as(result.describe()).isTrue();
                        }))));
    }

    @Test
    void everyFileHasAtLeastSixExamples() {
        assertThat(BOOK.files()).isNotEmpty().allSatisfy(file ->
                assertThat(file.examples()).as(file.name()).hasSizeGreaterThanOrEqualTo(6));
    }
}
