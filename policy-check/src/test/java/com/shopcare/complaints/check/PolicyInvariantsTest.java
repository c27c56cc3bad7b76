package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Option;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.engine.Vocabulary;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of the policy ("Invariants" 1-5 in docs/policy/COMPLAINT-POLICY.md) on the shipped tables and
 * guards, over random valid complaints. Invariants 2 to 5 are stated once, in {@link PolicyInvariants}, which the
 * draft check applies to every draft; here they run on many more samples than a check does. The other properties
 * are what the policy says beyond the invariants.
 */
class PolicyInvariantsTest {

    private static final int TRIES = 500;
    private static final Policy POLICY = SampledComplaints.SHIPPED;
    /** From lowest to highest, as the policy's type lists them. */
    private static final List<String> LEVELS = POLICY.enumerations().get(Vocabulary.INCIDENT_LEVEL);
    /** A furious customer scores 5 points for emotion, an angry one 20. */
    private static final Policy FURY_LOWERS_THE_SCORE = new PolicyCompiler().compile(
            PolicyFiles.shipped().with(Drafts.DISSATISFACTION, Drafts.bytes(Drafts.furiousPoints(5))));

    // Invariant 1

    @Property(tries = TRIES)
    void decidingTheSameComplaintTwiceGivesTheSameDecision(@ForAll("anyComplaint") Complaint complaint) {
        assertThat(POLICY.decide(complaint)).isEqualTo(POLICY.decide(complaint));
    }

    // Invariants 2 to 5

    @Property(tries = 40)
    void theShippedPolicyKeepsInvariantsTwoToFiveOnEverySample(@ForAll("batches") List<Complaint> sample) {
        PolicyInvariants.Result result = new PolicyInvariants(POLICY).check(sample);

        assertThat(result.violations()).isEmpty();
        assertThat(result.decisions()).as("the sample and its raised signals").isGreaterThan(sample.size());
    }

    /** The statement of invariants 2-5 can fail: a table that lowers the score of a furious customer breaks it. */
    @Property(tries = 5)
    void aPolicyWhereFuryLowersTheScoreBreaksInvariantTwo(@ForAll("batches") List<Complaint> sample) {
        assertThat(new PolicyInvariants(FURY_LOWERS_THE_SCORE).check(sample).violations())
                .anySatisfy(violation -> assertThat(violation.invariant()).isEqualTo(2));
    }

    // Beyond the invariants

    @Property(tries = TRIES)
    void everyNonEmptyListRecommendsExactlyItsFirstOption(@ForAll("anyComplaint") Complaint complaint) {
        Decision decision = POLICY.decide(complaint);

        for (List<Option> options : List.of(decision.remedies(), decision.compensation())) {
            if (!options.isEmpty()) {
                assertThat(options).extracting(Option::recommended).first().isEqualTo(true);
                assertThat(options).filteredOn(Option::recommended).hasSize(1);
            }
        }
    }

    /**
     * P1 and P4 name the recommended option of each row first. The tables that build the lists collect every row that
     * holds, top to bottom; this guards that the order of the rows is the order of the offer.
     */
    @Property(tries = TRIES)
    void theRecommendedOptionsAreTheOnesThePolicyNamesFirst(@ForAll("shopSide") Complaint complaint) {
        Decision decision = POLICY.decide(complaint);
        int customerLevel = LEVELS.indexOf(decision.dissatisfaction().level());
        int incidentLevel = complaint.incident() == null ? -1 : LEVELS.indexOf(complaint.incident().goodwillLevel());
        String goodwillLevel = LEVELS.get(Math.max(customerLevel, incidentLevel));

        assertThat(decision.compensation()).first().extracting(Option::type)
                .isEqualTo(goodwillLevel.equals("CRITICAL") ? "PARTIAL_REFUND" : "VOUCHER");
        String firstRemedy = switch (complaint.issueType()) {
            case "LATE_DELIVERY" -> complaint.daysSinceDelivery() == null ? "REDELIVERY" : null;
            case "NOT_DELIVERED", "DEFECTIVE_PRODUCT", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM" -> "REPLACEMENT";
            case "PRICE_DISPUTE" -> "PRICE_ADJUSTMENT";
            case "BILLING_ERROR" -> "PARTIAL_REFUND";
            default -> null;
        };
        assertThat(decision.remedies().stream().findFirst().map(Option::type).orElse(null)).isEqualTo(firstRemedy);
    }

    @Property(tries = TRIES)
    void everyAmountIsNonNegativeWithAtMostTheCurrencysDecimals(@ForAll("anyComplaint") Complaint complaint) {
        int decimals = complaint.currency().getDefaultFractionDigits();

        assertThat(POLICY.decide(complaint).options())
                .filteredOn(option -> option.amount() != null)
                .allSatisfy(option -> {
                    assertThat(option.amount().scale()).as("decimals of %s %s", option.type(), option.amount())
                            .isLessThanOrEqualTo(decimals);
                    assertThat(option.amount().signum()).as(option.type()).isNotNegative();
                });
    }

    @Provide
    Arbitrary<Complaint> anyComplaint() {
        return SampledComplaints.any();
    }

    @Provide
    Arbitrary<Complaint> shopSide() {
        return SampledComplaints.shopSide();
    }

    @Provide
    Arbitrary<List<Complaint>> batches() {
        return SampledComplaints.batches(250);
    }
}
