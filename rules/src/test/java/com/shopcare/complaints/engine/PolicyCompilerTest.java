package com.shopcare.complaints.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A policy file that cannot be used is rejected at compile time, and the error names the file. */
class PolicyCompilerTest {

    @Test
    void malformedXmlIsRejectedNamingTheFile() {
        PolicyFiles files = TestPolicies.shippedWithEdit("Escalation.dmn",
                text -> text.substring(0, text.indexOf("</definitions>")));

        PolicyException rejected = catchThrowableOfType(PolicyException.class,
                () -> TestPolicies.compiler().compile(files));

        assertThat(rejected.getMessage()).contains("Escalation.dmn");
        assertThat(rejected.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem)
                .startsWith("Escalation.dmn, line ").contains("is not well-formed XML"));
    }

    @Test
    void aModelWithoutADecisionTheServiceReadsIsRejectedNamingTheFileAndTheDecision() {
        PolicyFiles files = TestPolicies.shippedWithEdit("ResponseTimes.dmn",
                text -> text.replace("Response Times", "Reply Times"));

        PolicyException rejected = catchThrowableOfType(PolicyException.class,
                () -> TestPolicies.compiler().compile(files));

        assertThat(rejected.getMessage()).contains("ResponseTimes.dmn").contains("'Response Times' is missing");
    }

    @Test
    void aRowWithoutAnAnnotationIsRejectedNamingTheFileAndTheRow() {
        PolicyFiles files = TestPolicies.shippedWithEdit("ResponseTimes.dmn", text -> TestPolicies.replaceOnce(text,
                "<annotationEntry>\\s*<text>LEGAL: [^<]*</text>\\s*</annotationEntry>", ""));

        PolicyException rejected = catchThrowableOfType(PolicyException.class,
                () -> TestPolicies.compiler().compile(files));

        assertThat(rejected.problems()).containsExactly("ResponseTimes.dmn: row 6 of 'Response Times' has no annotation;"
                + " it is what the customer-service agent reads as the reason");
    }
}
