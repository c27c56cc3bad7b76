package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.api.model.Action;
import com.shopcare.complaints.api.model.ComplaintDetails;
import com.shopcare.complaints.api.model.Customer;
import com.shopcare.complaints.api.model.DecisionOption;
import com.shopcare.complaints.api.model.DecisionRequest;
import com.shopcare.complaints.api.model.DecisionResponse;
import com.shopcare.complaints.api.model.Dissatisfaction;
import com.shopcare.complaints.api.model.Escalation;
import com.shopcare.complaints.api.model.EscalationPath;
import com.shopcare.complaints.api.model.ExplanationLine;
import com.shopcare.complaints.api.model.Level;
import com.shopcare.complaints.api.model.OptionType;
import com.shopcare.complaints.api.model.Order;
import com.shopcare.complaints.api.model.Sla;
import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Option;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/** Maps the API's request to the engine's complaint and the engine's decision back to the API's response. */
final class DecisionMapper {

    private DecisionMapper() {
    }

    static Complaint toComplaint(DecisionRequest request, Currency currency) {
        ComplaintDetails details = request.getComplaint();
        Order order = request.getOrder();
        Customer customer = request.getCustomer();
        Complaint.Builder complaint = Complaint.builder()
                .issueType(details.getIssueType().getValue())
                .responsibility(details.getResponsibility().getValue())
                .channel(details.getChannel().getValue())
                .isPublic(details.getIsPublic())
                .emotion(details.getEmotion().getValue())
                .contactCount(details.getContactCount())
                .delayDays(details.getDelayDays())
                .legalThreat(details.getLegalThreat())
                .daysSinceDelivery(details.getDaysSinceDelivery())
                .orderValue(new BigDecimal(order.getValue()))
                .currency(currency)
                .tier(customer.getTier().getValue())
                .compensationsLast90Days(customer.getCompensationsLast90Days())
                .publicReach(customer.getPublicReach());
        if (order.getAffectedValue() != null) {
            complaint.affectedValue(new BigDecimal(order.getAffectedValue()));
        }
        if (order.getShippingCost() != null) {
            complaint.shippingCost(new BigDecimal(order.getShippingCost()));
        }
        if (request.getIncident() != null) {
            complaint.incident(new Complaint.Incident(request.getIncident().getId(),
                    request.getIncident().getGoodwillLevel().getValue()));
        }
        return complaint.build();
    }

    static DecisionResponse toResponse(String decisionId, DecisionRequest request, Decision decision) {
        return new DecisionResponse(
                decisionId,
                request.getComplaintId(),
                decision.policyVersion(),
                new Dissatisfaction(decision.dissatisfaction().score(), Level.fromValue(decision.dissatisfaction().level())),
                options(decision.remedies(), false),
                options(decision.compensation(), true),
                new Escalation(EscalationPath.fromValue(decision.escalation().path()), decision.escalation().reason()),
                new Sla(decision.responseTimes().firstResponseMinutes(), decision.responseTimes().resolutionHours(),
                        decision.responseTimes().updateEveryDays()),
                decision.actions().stream().map(Action::fromValue).toList(),
                decision.explanation().stream().map(line -> new ExplanationLine(line.source(), line.detail())).toList())
                .shopId(request.getShopId());
    }

    private static List<DecisionOption> options(List<Option> options, boolean compensation) {
        return options.stream()
                .map(option -> new DecisionOption(OptionType.fromValue(option.type()), option.recommended(), option.description())
                        .percent(option.percent())
                        .amount(option.amount() == null ? null : option.amount().toPlainString())
                        .requiresApproval(compensation ? option.requiresApproval() : null))
                .toList();
    }
}
