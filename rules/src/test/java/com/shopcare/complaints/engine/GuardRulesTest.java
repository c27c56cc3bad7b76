package com.shopcare.complaints.engine;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Decision.ExplanationLine;
import com.shopcare.complaints.decision.Option;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.shopcare.complaints.engine.TestPolicies.removeRow;
import static com.shopcare.complaints.engine.TestPolicies.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The DRL guards, seen through {@link Policy#decide}: what they hold with the shipped tables, and what they still hold
 * when a business user's edit of a table would break the policy.
 */
class GuardRulesTest {

    private static final Policy SHIPPED = TestPolicies.shipped();

    @Test
    void customerFaultGetsNoMoney() {
        Decision decision = SHIPPED.decide(Complaints.calmLateDelivery().responsibility("CUSTOMER").tier("NEW").build());

        assertThat(decision.remedies()).isEmpty();
        assertThat(decision.compensation()).isEmpty();
        assertThat(decision.actions()).contains("EXPLAIN_POLICY").doesNotContain("ADMIT_FAULT", "OFFER_CHOICE");
        assertThat(decision.escalation().path()).isEqualTo("FRONTLINE_AGENT");
    }

    @Test
    void aDecisionLeavesNothingInTheReusedWorkingMemoryForTheNextOne() {
        Policy policy = TestPolicies.compiler().compile(PolicyFiles.shipped());
        Complaint complaint = Complaints.documentedExample().build();
        Decision onAnEmptyWorkingMemory = policy.decide(complaint);

        // One thread, so each decision reuses the working memory the one before gave back. Had their facts stayed,
        // the customer fault or the frequent compensations would hold for the complaint decided last.
        policy.decide(Complaints.calmLateDelivery().responsibility("CUSTOMER").build());
        policy.decide(Complaints.documentedExample().compensationsLast90Days(4).build());
        Decision afterOthers = policy.decide(complaint);

        assertThat(afterOthers).isEqualTo(onAnEmptyWorkingMemory);
        assertThat(afterOthers.compensation()).isNotEmpty().noneMatch(Option::requiresApproval);
    }

    @Test
    void loyalCustomerAtFaultStillGetsFreeShippingButNoMoney() {
        Decision decision = SHIPPED.decide(Complaints.calmLateDelivery().responsibility("CUSTOMER").tier("LOYAL").build());

        assertThat(decision.remedies()).isEmpty();
        assertThat(decision.compensation()).extracting(Option::type, Option::amount, Option::recommended)
                .containsExactly(tuple("FREE_SHIPPING_NEXT_ORDER", null, true));
    }

    @Test
    void customerFaultGetsNoMoneyEvenWhenAnEditedTableOffersGoodwillToEveryone() {
        Policy goodwillForEveryone = TestPolicies.compiler().compile(TestPolicies.shippedWithEdit("Compensation.dmn",
                text -> text.replace("<text>&quot;SHOP&quot;,&quot;CARRIER&quot;,&quot;SUPPLIER&quot;,&quot;UNKNOWN&quot;</text>", "<text>-</text>")));
        Complaint customerFault = Complaints.calmLateDelivery().issueType("NOT_DELIVERED").responsibility("CUSTOMER").build();

        Decision decision = goodwillForEveryone.decide(customerFault);

        assertThat(decision.dissatisfaction().level()).isEqualTo("MEDIUM");
        assertThat(decision.compensation()).isEmpty();
        assertThat(guardLines(decision, "CustomerFaultGetsNoMoney")).extracting(ExplanationLine::detail)
                .containsExactlyInAnyOrder(
                        "VOUCHER is not offered: the customer caused the problem, and a customer-fault complaint never yields money",
                        "SHIPPING_REFUND is not offered: the customer caused the problem, and a customer-fault complaint never yields money");
    }

    @Test
    void outsideReturnWindowLosesFullRefundAndGoesToSeniorAgent() {
        Decision decision = SHIPPED.decide(defectiveProductDeliveredDaysAgo(45));

        assertThat(decision.dissatisfaction().level()).isEqualTo("MEDIUM");
        assertThat(decision.remedies()).extracting(Option::type, Option::recommended)
                .containsExactly(tuple("REPLACEMENT", true));
        assertThat(guardLines(decision, "OutsideReturnWindowGetsNoFullRefund")).hasSize(1);
        assertThat(decision.escalation().path()).isEqualTo("SENIOR_AGENT");
        assertThat(decision.actions()).contains("EXPLAIN_POLICY", "ADMIT_FAULT");
    }

    @Test
    void withinReturnWindowKeepsFullRefund() {
        Decision decision = SHIPPED.decide(defectiveProductDeliveredDaysAgo(30));

        assertThat(decision.remedies()).extracting(Option::type).containsExactly("REPLACEMENT", "FULL_REFUND");
        assertThat(decision.escalation().path()).isEqualTo("FRONTLINE_AGENT");
        assertThat(decision.actions()).doesNotContain("EXPLAIN_POLICY");
    }

    @Test
    void outsideReturnWindowGoesToSeniorAgentEvenWhenTheTableForgetsIt() {
        Decision decision = escalationWithoutSeniorAgentRows().decide(defectiveProductDeliveredDaysAgo(45));

        assertThat(decision.escalation().path()).isEqualTo("SENIOR_AGENT");
        assertThat(decision.escalation().reason()).isEqualTo("Outside the return window: a senior agent handles the warranty path");
        assertThat(guardLines(decision, "OutsideReturnWindowGoesToSeniorAgent")).hasSize(1);
    }

    @Test
    void frequentlyCompensatedCustomerNeedsApproval() {
        Decision decision = SHIPPED.decide(Complaints.calmLateDelivery().compensationsLast90Days(3).build());

        assertThat(decision.remedies()).isNotEmpty().noneMatch(Option::requiresApproval);
        assertThat(decision.compensation()).extracting(Option::type, Option::requiresApproval)
                .containsExactly(tuple("VOUCHER", true), tuple("FREE_SHIPPING_NEXT_ORDER", true));
        assertThat(decision.escalation().path()).isEqualTo("SENIOR_AGENT");
        assertThat(guardLines(decision, "FrequentlyCompensatedCustomerNeedsApproval")).hasSize(2)
                .allSatisfy(line -> assertThat(line.detail()).contains("received 3 compensations in the last 90 days"));
    }

    @Test
    void frequentlyCompensatedCustomerGoesToSeniorAgentEvenWhenTheTableForgetsIt() {
        Decision decision = escalationWithoutSeniorAgentRows()
                .decide(Complaints.calmLateDelivery().compensationsLast90Days(4).build());

        assertThat(decision.escalation().path()).isEqualTo("SENIOR_AGENT");
        assertThat(guardLines(decision, "FrequentlyCompensatedCustomerGoesToSeniorAgent")).hasSize(1);
    }

    @Test
    void shippingRefundAboveHalfTheOrderIsCut() {
        Decision decision = SHIPPED.decide(Complaints.calmLateDelivery().issueType("NOT_DELIVERED")
                .orderValue(new BigDecimal("10.00")).shippingCost(new BigDecimal("8.00")).build());

        assertThat(decision.dissatisfaction().level()).isEqualTo("MEDIUM");
        assertThat(decision.compensation()).extracting(Option::type, Option::amount)
                .containsExactly(tuple("VOUCHER", new BigDecimal("1.00")), tuple("SHIPPING_REFUND", new BigDecimal("5.00")));
        assertThat(guardLines(decision, "CompensationAboveHalfTheOrderValueIsCut")).extracting(ExplanationLine::detail)
                .containsExactly("SHIPPING_REFUND cut from 8.00 to 5.00 EUR: no compensation option is worth more than"
                        + " 50 % of the order value");
    }

    @Test
    void refundAboveTheAffectedValueIsCutWhenATableAsksForMore() {
        Policy typo = TestPolicies.compiler().compile(TestPolicies.shippedWithEdit("Compensation.dmn",
                text -> replaceOnce(text, "<text>15</text>", "<text>150</text>")));
        Complaint high = Complaints.calmLateDelivery().issueType("DEFECTIVE_PRODUCT").emotion("ANGRY").daysSinceDelivery(2)
                .affectedValue(new BigDecimal("20.00")).build();

        Decision decision = typo.decide(high);

        assertThat(decision.dissatisfaction().level()).isEqualTo("HIGH");
        assertThat(decision.compensation()).extracting(Option::type, Option::percent, Option::amount)
                .containsExactly(tuple("VOUCHER", new BigDecimal("20"), new BigDecimal("20.00")),
                        tuple("PARTIAL_REFUND", new BigDecimal("150"), new BigDecimal("20.00")));
        assertThat(guardLines(decision, "RefundAboveAffectedValueIsCut")).extracting(ExplanationLine::detail)
                .containsExactly("PARTIAL_REFUND cut from 30.00 to 20.00 EUR: a refund never exceeds the value of the affected items");
    }

    @Test
    void customerHearsFromUsAtLeastWeeklyWhateverTheTableSays() {
        Policy slowLegal = TestPolicies.compiler().compile(TestPolicies.shippedWithEdit("ResponseTimes.dmn",
                text -> replaceOnce(replaceOnce(text,
                                "(?<before><outputEntry id=\"_ResponseTimes_o_43\">\\s*<text>)3(?<after></text>)",
                                "${before}10${after}"),
                        "an update every 3 days", "an update every 10 days")));

        Decision decision = slowLegal.decide(Complaints.calmLateDelivery().legalThreat(true).build());

        assertThat(decision.escalation().path()).isEqualTo("LEGAL");
        assertThat(decision.responseTimes()).isEqualTo(new Decision.ResponseTimes(60, 120, 7));
        assertThat(guardLines(decision, "CustomerHearsFromUsAtLeastWeekly")).extracting(ExplanationLine::detail)
                .containsExactly("Updates every 7 days instead of 10: the customer is never left more than 7 days without news");
    }

    private static Complaint defectiveProductDeliveredDaysAgo(int days) {
        return Complaints.calmLateDelivery().issueType("DEFECTIVE_PRODUCT").daysSinceDelivery(days).build();
    }

    private static Policy escalationWithoutSeniorAgentRows;

    /** The escalation table without its rows for frequent compensation (row 8) and the return window (row 9). */
    private static synchronized Policy escalationWithoutSeniorAgentRows() {
        if (escalationWithoutSeniorAgentRows == null) {
            escalationWithoutSeniorAgentRows = TestPolicies.compiler().compile(TestPolicies.shippedWithEdit(
                    "Escalation.dmn", text -> removeRow(removeRow(text, "_Escalation_rule_126"), "_Escalation_rule_138")));
        }
        return escalationWithoutSeniorAgentRows;
    }

    private static List<ExplanationLine> guardLines(Decision decision, String rule) {
        return decision.explanation().stream().filter(line -> line.source().equals(rule)).toList();
    }
}
