package com.shopcare.complaints.engine;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Money;
import com.shopcare.complaints.decision.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of the policy ("Invariants" 1-5 in docs/policy/COMPLAINT-POLICY.md), checked on the shipped tables
 * and guards over random valid complaints.
 */
class PolicyInvariantsTest {

    private static final int TRIES = 1_000;
    private static final Policy POLICY = TestPolicies.shipped();
    private static final Set<String> REFUNDS = Set.of("FULL_REFUND", "PARTIAL_REFUND");

    // Invariant 1

    @Property(tries = TRIES)
    void decidingTheSameComplaintTwiceGivesTheSameDecision(@ForAll("anyComplaint") Complaint complaint) {
        assertThat(POLICY.decide(complaint)).isEqualTo(POLICY.decide(complaint));
    }

    // Invariant 2

    @Property(tries = TRIES)
    void raisingASignalNeverLowersTheScoreOrTheLevel(@ForAll("raisedSignal") RaisedSignal raised) {
        Decision.Dissatisfaction before = POLICY.decide(raised.before()).dissatisfaction();
        Decision.Dissatisfaction after = POLICY.decide(raised.after()).dissatisfaction();

        assertThat(after.score()).as("score after raising %s", raised.signal()).isGreaterThanOrEqualTo(before.score());
        assertThat(ValidComplaints.LEVELS.indexOf(after.level()))
                .as("level %s after raising %s, was %s", after.level(), raised.signal(), before.level())
                .isGreaterThanOrEqualTo(ValidComplaints.LEVELS.indexOf(before.level()));
    }

    @Property(tries = TRIES)
    void raisingASignalNeverLowersTheRecommendedPercentage(@ForAll("raisedSignal") RaisedSignal raised) {
        BigDecimal before = POLICY.decide(raised.before()).recommendedCompensationPercent();
        BigDecimal after = POLICY.decide(raised.after()).recommendedCompensationPercent();

        assertThat(after).as("recommended compensation percent after raising %s", raised.signal())
                .isGreaterThanOrEqualTo(before);
    }

    // Invariant 3

    @Property(tries = TRIES)
    void noCompensationIsWorthMoreThanHalfTheOrder(@ForAll("anyComplaint") Complaint complaint) {
        BigDecimal half = Money.percentOf(complaint.orderValue(), BigDecimal.valueOf(50), complaint.currency());

        assertThat(POLICY.decide(complaint).compensation())
                .allSatisfy(option -> {
                    if (option.amount() != null) {
                        assertThat(option.amount()).as(option.type()).isLessThanOrEqualTo(half);
                    }
                });
    }

    @Property(tries = TRIES)
    void noRefundExceedsTheAffectedValue(@ForAll("anyComplaint") Complaint complaint) {
        Decision decision = POLICY.decide(complaint);

        assertThat(decision.options())
                .filteredOn(option -> REFUNDS.contains(option.type()) && option.amount() != null)
                .allSatisfy(refund -> assertThat(refund.amount()).as(refund.type())
                        .isLessThanOrEqualTo(complaint.affectedValue()));
    }

    @Property(tries = TRIES)
    void customerFaultNeverYieldsMoney(@ForAll("customerFault") Complaint complaint) {
        assertThat(POLICY.decide(complaint).options())
                .allSatisfy(option -> assertThat(option.amount()).as(option.type()).isNull());
    }

    // Invariant 4 (P3)

    @Property(tries = TRIES)
    void shopSideResponsibilityAlwaysOffersAChoiceOfAtLeastTwoOptions(@ForAll("shopSide") Complaint complaint) {
        Decision decision = POLICY.decide(complaint);

        assertThat(decision.options()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Property(tries = TRIES)
    void everyNonEmptyListRecommendsExactlyItsFirstOption(@ForAll("anyComplaint") Complaint complaint) {
        Decision decision = POLICY.decide(complaint);

        for (List<Option> options : List.of(decision.remedies(), decision.compensation())) {
            if (!options.isEmpty()) {
                assertThat(options).extracting(Option::recommended)
                        .first().isEqualTo(true);
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
        int customerLevel = ValidComplaints.LEVELS.indexOf(decision.dissatisfaction().level());
        int incidentLevel = complaint.incident() == null ? -1
                : ValidComplaints.LEVELS.indexOf(complaint.incident().goodwillLevel());
        String goodwillLevel = ValidComplaints.LEVELS.get(Math.max(customerLevel, incidentLevel));

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

    // Invariant 5

    @Property(tries = TRIES)
    void everyDecisionHasAPathResponseTimesWithWeeklyUpdatesAndAnExplanation(@ForAll("anyComplaint") Complaint complaint) {
        Decision decision = POLICY.decide(complaint);

        assertThat(decision.escalation().path()).isIn(ValidComplaints.PATHS);
        assertThat(decision.escalation().reason()).isNotBlank();
        assertThat(decision.responseTimes().updateEveryDays()).isBetween(1, 7);
        assertThat(decision.responseTimes().firstResponseMinutes()).isPositive();
        assertThat(decision.responseTimes().resolutionHours()).isPositive();
        assertThat(decision.explanation()).isNotEmpty()
                .allSatisfy(line -> assertThat(line.detail()).isNotBlank());
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

    // Generators

    @Provide
    Arbitrary<Complaint> anyComplaint() {
        return ValidComplaints.any();
    }

    @Provide
    Arbitrary<Complaint> shopSide() {
        return ValidComplaints.shopSide();
    }

    @Provide
    Arbitrary<Complaint> customerFault() {
        return ValidComplaints.customerFault();
    }

    /** One complaint and the same complaint with exactly one dissatisfaction signal raised. */
    record RaisedSignal(String signal, Complaint before, Complaint after) {
    }

    @Provide
    Arbitrary<RaisedSignal> raisedSignal() {
        List<List<String>> emotionRises = new ArrayList<>();
        for (int lower = 0; lower < ValidComplaints.EMOTIONS.size(); lower++) {
            for (int higher = lower + 1; higher < ValidComplaints.EMOTIONS.size(); higher++) {
                emotionRises.add(List.of(ValidComplaints.EMOTIONS.get(lower), ValidComplaints.EMOTIONS.get(higher)));
            }
        }
        Arbitrary<RaisedSignal> emotion = Combinators.combine(ValidComplaints.any(), Arbitraries.of(emotionRises))
                .as((complaint, rise) -> new RaisedSignal("emotion " + rise.get(0) + " -> " + rise.get(1),
                        complaint.toBuilder().emotion(rise.get(0)).build(),
                        complaint.toBuilder().emotion(rise.get(1)).build()));
        Arbitrary<RaisedSignal> contacts = Combinators.combine(ValidComplaints.any(), Arbitraries.integers().between(1, 5))
                .as((complaint, more) -> new RaisedSignal("contactCount +" + more, complaint,
                        complaint.toBuilder().contactCount(complaint.contactCount() + more).build()));
        Arbitrary<RaisedSignal> delay = Combinators.combine(ValidComplaints.any(), Arbitraries.integers().between(1, 20))
                .as((complaint, more) -> new RaisedSignal("delayDays +" + more, complaint,
                        complaint.toBuilder().delayDays(complaint.delayDays() + more).build()));
        Arbitrary<RaisedSignal> going = ValidComplaints.any()
                .map(complaint -> new RaisedSignal("isPublic false -> true",
                        complaint.toBuilder().isPublic(false).build(),
                        complaint.toBuilder().isPublic(true).build()));
        return Arbitraries.oneOf(emotion, contacts, delay, going);
    }
}
