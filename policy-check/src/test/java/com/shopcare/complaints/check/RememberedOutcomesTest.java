package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyFiles;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The models' outcomes are remembered by their inputs (ADR 0004). A remembered outcome must give exactly the
 * decision, explanation included, that evaluating every table afresh gives.
 */
class RememberedOutcomesTest {

    private static final Policy REMEMBERING = SampledComplaints.SHIPPED;
    private static final Policy EVALUATING_EVERY_TIME = new PolicyCompiler(0).compile(PolicyFiles.shipped());

    @Property(tries = 1_000)
    void rememberedOutcomesDecideExactlyAsFreshEvaluation(@ForAll("complaints") Complaint complaint) {
        Decision fresh = EVALUATING_EVERY_TIME.decide(complaint);

        Decision first = REMEMBERING.decide(complaint);
        Decision again = REMEMBERING.decide(complaint);

        assertThat(first).isEqualTo(fresh);
        assertThat(again).isEqualTo(fresh);
    }

    @Provide
    Arbitrary<Complaint> complaints() {
        return SampledComplaints.any();
    }
}
