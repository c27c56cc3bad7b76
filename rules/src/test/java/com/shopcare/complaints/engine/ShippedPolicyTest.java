package com.shopcare.complaints.engine;

import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Option;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

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
        assertThat(PolicyCompiler.validate(PolicyFiles.shipped())).isEmpty();
    }

    @Test
    void onlyByteForByteTheShippedTablesCountAsReleased() {
        // Released tables are not validated at start-up (the test above validated them), so nothing else may pass
        // for them: a store seeded with the shipped tables does, an edit of one byte or a file fewer does not.
        assertThat(PolicyFiles.of(shippedCopy()).isReleased()).as("a copy of the shipped files").isTrue();

        byte[] edited = (new String(PolicyFiles.shipped().files().get("Compensation.dmn"), StandardCharsets.UTF_8)
                + "<!-- edited -->\n").getBytes(StandardCharsets.UTF_8);
        assertThat(PolicyFiles.shipped().with("Compensation.dmn", edited).isReleased()).as("Compensation edited").isFalse();

        Map<String, byte[]> oneByteChanged = shippedCopy();
        byte[] compensation = oneByteChanged.get("Compensation.dmn");
        compensation[compensation.length / 2]++;
        assertThat(PolicyFiles.of(oneByteChanged).isReleased()).as("one byte of Compensation changed").isFalse();

        Map<String, byte[]> oneFewer = shippedCopy();
        oneFewer.remove("Compensation.dmn");
        assertThat(PolicyFiles.of(oneFewer).isReleased()).as("without Compensation").isFalse();
    }

    /** The shipped files' bytes copied into new arrays: equal content, not the same objects. */
    private static Map<String, byte[]> shippedCopy() {
        Map<String, byte[]> copy = new TreeMap<>();
        PolicyFiles.shipped().files().forEach((name, content) -> copy.put(name, content.clone()));
        return copy;
    }
}
