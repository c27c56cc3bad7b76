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
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Maps the API's request to the engine's complaint and the engine's decision back to the API's response. */
final class DecisionMapper {

    // The generated enums' fromValue scans a fresh copy of values() on every call; a response needs about ten lookups.
    private static final Map<String, Action> ACTIONS = byValue(Action.values(), Action::getValue);
    private static final Map<String, OptionType> OPTION_TYPES = byValue(OptionType.values(), OptionType::getValue);
    private static final Map<String, Level> LEVELS = byValue(Level.values(), Level::getValue);
    private static final Map<String, EscalationPath> PATHS = byValue(EscalationPath.values(), EscalationPath::getValue);

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
                new Dissatisfaction(decision.dissatisfaction().score(), lookUp(LEVELS, decision.dissatisfaction().level())),
                options(decision.remedies(), false),
                options(decision.compensation(), true),
                new Escalation(lookUp(PATHS, decision.escalation().path()), decision.escalation().reason()),
                new Sla(decision.responseTimes().firstResponseMinutes(), decision.responseTimes().resolutionHours(),
                        decision.responseTimes().updateEveryDays()),
                actions(decision.actions()),
                explanation(decision.explanation()))
                .shopId(request.getShopId());
    }

    private static List<DecisionOption> options(List<Option> options, boolean compensation) {
        List<DecisionOption> mapped = new ArrayList<>(options.size());
        for (Option option : options) {
            mapped.add(new DecisionOption(lookUp(OPTION_TYPES, option.type()), option.recommended(), option.description())
                    .percent(option.percent())
                    .amount(option.amount() == null ? null : option.amount().toPlainString())
                    .requiresApproval(compensation ? option.requiresApproval() : null));
        }
        return mapped;
    }

    private static List<Action> actions(List<String> actions) {
        List<Action> mapped = new ArrayList<>(actions.size());
        for (String action : actions) {
            mapped.add(lookUp(ACTIONS, action));
        }
        return mapped;
    }

    private static List<ExplanationLine> explanation(List<Decision.ExplanationLine> lines) {
        List<ExplanationLine> mapped = new ArrayList<>(lines.size());
        for (Decision.ExplanationLine line : lines) {
            mapped.add(new ExplanationLine(line.source(), line.detail()));
        }
        return mapped;
    }

    /** The API's value for a value the policy decided; an unknown one fails as the generated fromValue does. */
    private static <E> E lookUp(Map<String, E> values, String value) {
        E found = values.get(value);
        if (found == null) {
            throw new IllegalArgumentException("Unexpected value '" + value + "'");
        }
        return found;
    }

    private static <E> Map<String, E> byValue(E[] values, Function<E, String> value) {
        Map<String, E> byValue = new HashMap<>();
        for (E each : values) {
            byValue.put(value.apply(each), each);
        }
        return Map.copyOf(byValue);
    }
}
