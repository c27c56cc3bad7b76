package com.shopcare.complaints.engine;

import java.util.List;

import static com.shopcare.complaints.engine.Vocabulary.*;

/**
 * The DMN models a policy consists of, one per concern, in the order they are evaluated. The file of each model is
 * named after it. The inputs are what the engine can supply; the decisions are what it reads back. Business staff
 * may change everything inside a model, but not these names: they are the shape the Java side relies on.
 */
public enum PolicyModel {

    DISSATISFACTION("Dissatisfaction",
            List.of(ISSUE_TYPE, EMOTION, CONTACT_COUNT, DELAY_DAYS, IS_PUBLIC),
            List.of(DISSATISFACTION_SCORE, DISSATISFACTION_LEVEL)),
    REMEDIES("Remedies",
            List.of(ISSUE_TYPE, RESPONSIBILITY, DAYS_SINCE_DELIVERY),
            List.of(OUTSIDE_RETURN_WINDOW, REMEDY_OPTIONS)),
    COMPENSATION("Compensation",
            List.of(CUSTOMER_LEVEL, INCIDENT_LEVEL, RESPONSIBILITY, TIER, SHIPPING_COST),
            List.of(GOODWILL_LEVEL, COMPENSATION_OPTIONS)),
    ESCALATION("Escalation",
            List.of(LEGAL_THREAT, IS_PUBLIC, PUBLIC_REACH, CUSTOMER_LEVEL, AFFECTED_VALUE, CONTACT_COUNT,
                    COMPENSATIONS_LAST_90_DAYS, OUTSIDE_RETURN_WINDOW, RESPONSIBILITY, TIER),
            List.of(ESCALATION_PATH)),
    RESPONSE_TIMES("ResponseTimes",
            List.of(ESCALATION_PATH),
            List.of(Vocabulary.RESPONSE_TIMES)),
    ACTIONS("Actions",
            List.of(RESPONSIBILITY, ISSUE_TYPE, EMOTION, IS_PUBLIC, CUSTOMER_LEVEL, GOODWILL_LEVEL,
                    OUTSIDE_RETURN_WINDOW, OPTION_COUNT, INCIDENT_DECLARED),
            List.of(Vocabulary.ACTIONS));

    /** Every model's namespace is this prefix followed by the model name. */
    public static final String NAMESPACE_PREFIX = "https://shopcare.example/dmn/";

    private final String modelName;
    private final List<String> suppliedInputs;
    private final List<String> requiredDecisions;

    PolicyModel(String modelName, List<String> suppliedInputs, List<String> requiredDecisions) {
        this.modelName = modelName;
        this.suppliedInputs = suppliedInputs;
        this.requiredDecisions = requiredDecisions;
    }

    public String modelName() {
        return modelName;
    }

    public String namespace() {
        return NAMESPACE_PREFIX + modelName;
    }

    public String fileName() {
        return modelName + ".dmn";
    }

    /** Inputs the engine passes to this model; a model may use fewer, never others. */
    public List<String> suppliedInputs() {
        return suppliedInputs;
    }

    /** Decisions the engine reads from this model's result. */
    public List<String> requiredDecisions() {
        return requiredDecisions;
    }
}
