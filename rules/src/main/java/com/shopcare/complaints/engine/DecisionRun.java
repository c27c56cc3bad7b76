package com.shopcare.complaints.engine;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Money;
import com.shopcare.complaints.decision.Option;
import com.shopcare.complaints.guards.CaseFacts;
import com.shopcare.complaints.guards.Explanation;
import com.shopcare.complaints.guards.OfferedOption;
import com.shopcare.complaints.guards.Timing;
import org.kie.api.runtime.KieSession;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.shopcare.complaints.engine.Vocabulary.*;

/**
 * Deciding one complaint: the models in their order, each fed the complaint and what earlier models decided,
 * then the guard rules over the proposed options and path, then the response times for the final path.
 * Every business condition is in a table or a rule; this class only moves values between them.
 */
final class DecisionRun {

    /** The global the guard rules add their reasons to (declared in each DRL file). */
    static final String EXPLANATION = "explanation";

    private final Policy policy;
    private final Complaint complaint;
    /** What the models are fed, by the inputs' names in the tables: the complaint's values, then what earlier models decided. */
    private final Map<String, Object> inputs = new HashMap<>();
    private final Explanation explanation = new Explanation();

    DecisionRun(Policy policy, Complaint complaint) {
        this.policy = policy;
        this.complaint = complaint;
    }

    Decision run() {
        inputs.put(ISSUE_TYPE, complaint.issueType());
        inputs.put(RESPONSIBILITY, complaint.responsibility());
        inputs.put(EMOTION, complaint.emotion());
        inputs.put(CONTACT_COUNT, complaint.contactCount());
        inputs.put(DELAY_DAYS, complaint.delayDays());
        inputs.put(IS_PUBLIC, complaint.isPublic());
        inputs.put(LEGAL_THREAT, complaint.legalThreat());
        inputs.put(DAYS_SINCE_DELIVERY, complaint.daysSinceDelivery());
        inputs.put(AFFECTED_VALUE, complaint.affectedValue());
        inputs.put(SHIPPING_COST, complaint.shippingCost());
        inputs.put(TIER, complaint.tier());
        inputs.put(COMPENSATIONS_LAST_90_DAYS, complaint.compensationsLast90Days());
        inputs.put(PUBLIC_REACH, complaint.publicReach());
        inputs.put(INCIDENT_LEVEL, complaint.incident() == null ? null : complaint.incident().goodwillLevel());
        inputs.put(INCIDENT_DECLARED, complaint.incident() != null);

        ModelEvaluation.Outcome dissatisfaction = evaluate(PolicyModel.DISSATISFACTION);
        int score = number(dissatisfaction, DISSATISFACTION_SCORE).intValue();
        String level = text(dissatisfaction, DISSATISFACTION_LEVEL);
        inputs.put(CUSTOMER_LEVEL, level);

        ModelEvaluation.Outcome remedies = evaluate(PolicyModel.REMEDIES);
        boolean outsideReturnWindow = Boolean.TRUE.equals(value(remedies, OUTSIDE_RETURN_WINDOW));
        inputs.put(OUTSIDE_RETURN_WINDOW, outsideReturnWindow);

        ModelEvaluation.Outcome compensation = evaluate(PolicyModel.COMPENSATION);
        inputs.put(GOODWILL_LEVEL, text(compensation, GOODWILL_LEVEL));

        ModelEvaluation.Outcome escalation = evaluate(PolicyModel.ESCALATION);

        List<OfferedOption> offered = new ArrayList<>();
        offered.addAll(options(remedies, REMEDY_OPTIONS, OfferedOption.Kind.REMEDY));
        offered.addAll(options(compensation, COMPENSATION_OPTIONS, OfferedOption.Kind.COMPENSATION));
        CaseFacts caseFacts = new CaseFacts(complaint.issueType(), complaint.responsibility(),
                complaint.compensationsLast90Days(), outsideReturnWindow, complaint.orderValue(), complaint.affectedValue(),
                complaint.currency(), text(escalation, ESCALATION_PATH), explanation.lastRowOf(ESCALATION_PATH));
        List<Option> remedyList;
        List<Option> compensationList;
        Timing timing;
        // One working memory for the whole decision: the guards first see the options and the path, then, once the
        // response times for the final path are known, the timing as well.
        KieSession guards = policy.guardSession();
        try {
            guards.setGlobal(EXPLANATION, explanation);
            offered.forEach(guards::insert);
            guards.insert(caseFacts);
            guards.fireAllRules();

            remedyList = kept(offered, OfferedOption.Kind.REMEDY);
            compensationList = kept(offered, OfferedOption.Kind.COMPENSATION);
            inputs.put(ESCALATION_PATH, caseFacts.getPath());
            inputs.put(OPTION_COUNT, remedyList.size() + compensationList.size());

            ModelEvaluation.Outcome responseTimes = evaluate(PolicyModel.RESPONSE_TIMES);
            Map<?, ?> times = (Map<?, ?>) value(responseTimes, RESPONSE_TIMES);
            timing = new Timing(integer(times, FIRST_RESPONSE_MINUTES), integer(times, RESOLUTION_HOURS),
                    integer(times, UPDATE_EVERY_DAYS));
            guards.insert(timing);
            guards.fireAllRules();
        } finally {
            // Back to the pool, which empties it for the next decision.
            guards.dispose();
        }

        ModelEvaluation.Outcome actions = evaluate(PolicyModel.ACTIONS);
        List<String> actionList = new ArrayList<>();
        for (Object action : (Collection<?>) value(actions, ACTIONS)) {
            actionList.add(String.valueOf(action));
        }

        return new Decision(policy.version(),
                new Decision.Dissatisfaction(score, level),
                remedyList,
                compensationList,
                new Decision.Escalation(caseFacts.getPath(), caseFacts.getReason()),
                new Decision.ResponseTimes(timing.getFirstResponseMinutes(), timing.getResolutionHours(),
                        timing.getUpdateEveryDays()),
                actionList,
                explanation.lines());
    }

    private ModelEvaluation.Outcome evaluate(PolicyModel model) {
        return policy.model(model).evaluate(inputs, explanation);
    }

    private List<OfferedOption> options(ModelEvaluation.Outcome result, String decision, OfferedOption.Kind kind) {
        Object value = value(result, decision);
        if (value == null) {
            return List.of();
        }
        List<OfferedOption> options = new ArrayList<>();
        for (Object item : (Collection<?>) value) {
            Map<?, ?> option = (Map<?, ?>) item;
            BigDecimal percent = (BigDecimal) option.get(OPTION_PERCENT);
            String base = (String) option.get(OPTION_BASE);
            BigDecimal amount = base == null ? null
                    : Money.percentOf(baseAmount(base), percent == null ? BigDecimal.valueOf(100) : percent, complaint.currency());
            options.add(new OfferedOption(kind, (String) option.get(OPTION_TYPE), percent, amount,
                    (String) option.get(OPTION_DESCRIPTION)));
        }
        return options;
    }

    private BigDecimal baseAmount(String base) {
        return switch (base) {
            case BASE_ORDER_VALUE -> complaint.orderValue();
            case BASE_AFFECTED_VALUE -> complaint.affectedValue();
            case BASE_SHIPPING_COST -> complaint.shippingCost();
            default -> throw new PolicyEvaluationException("unknown amount base '" + base + "'");
        };
    }

    /** The options the guards left, in the tables' order; the first one of each list is the recommended one. */
    private static List<Option> kept(List<OfferedOption> offered, OfferedOption.Kind kind) {
        List<Option> kept = new ArrayList<>();
        for (OfferedOption option : offered) {
            if (option.getKind() == kind && !option.isWithdrawn()) {
                kept.add(new Option(option.getType(), option.getPercent(), option.getAmount(), kept.isEmpty(),
                        option.isRequiresApproval(), option.getDescription()));
            }
        }
        return kept;
    }

    private static Object value(ModelEvaluation.Outcome result, String decision) {
        return result.result(decision);
    }

    private static String text(ModelEvaluation.Outcome result, String decision) {
        return (String) value(result, decision);
    }

    private static BigDecimal number(ModelEvaluation.Outcome result, String decision) {
        return (BigDecimal) value(result, decision);
    }

    private static int integer(Map<?, ?> values, String key) {
        return ((BigDecimal) values.get(key)).intValueExact();
    }
}
