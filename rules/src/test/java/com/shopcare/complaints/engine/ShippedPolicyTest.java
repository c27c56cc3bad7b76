package com.shopcare.complaints.engine;

import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Option;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedPolicyTest {

    private static final Policy POLICY = TestPolicies.shipped();

    @Test
    void documentedExampleGetsTheDocumentedDecision() {
        Decision decision = POLICY.decide(Complaints.documentedExample().build());

        assertThat(decision.dissatisfaction()).isEqualTo(new Decision.Dissatisfaction(60, "HIGH"));
        assertThat(decision.remedies()).extracting(Option::type, Option::amount, Option::recommended)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REPLACEMENT", null, true),
                        org.assertj.core.groups.Tuple.tuple("FULL_REFUND", new BigDecimal("199.90"), false));
        assertThat(decision.compensation()).extracting(Option::type, Option::percent, Option::amount, Option::recommended)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VOUCHER", new BigDecimal("25"), new BigDecimal("62.48"), true),
                        org.assertj.core.groups.Tuple.tuple("PARTIAL_REFUND", new BigDecimal("20"), new BigDecimal("39.98"), false));
        assertThat(decision.escalation().path()).isEqualTo("SENIOR_AGENT");
        assertThat(decision.escalation().reason()).contains("HIGH");
        assertThat(decision.responseTimes()).isEqualTo(new Decision.ResponseTimes(30, 48, 2));
        assertThat(decision.actions()).containsExactly("APOLOGIZE", "ADMIT_FAULT", "OFFER_CHOICE", "FOLLOW_UP_SURVEY",
                "ROOT_CAUSE_REPORT", "THANK_CUSTOMER");
        assertThat(decision.explanation()).isNotEmpty();
    }

    @Test
    void shippedTablesPassSchemaAndModelValidation() {
        // Start-up skips validating the released tables because this test does it for every build.
        assertThat(PolicyFiles.shipped().isReleased()).isTrue();
        assertThat(PolicyCompiler.validate(PolicyFiles.shipped())).isEmpty();
    }
}
