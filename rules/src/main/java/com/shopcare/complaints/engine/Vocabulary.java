package com.shopcare.complaints.engine;

/** Names of the DMN inputs and decisions shared by the engine and the tables, defined once. */
public final class Vocabulary {

    public static final String ISSUE_TYPE = "Issue Type";
    public static final String RESPONSIBILITY = "Responsibility";
    public static final String EMOTION = "Emotion";
    public static final String CONTACT_COUNT = "Contact Count";
    public static final String DELAY_DAYS = "Delay Days";
    public static final String IS_PUBLIC = "Is Public";
    public static final String LEGAL_THREAT = "Legal Threat";
    public static final String DAYS_SINCE_DELIVERY = "Days Since Delivery";
    public static final String AFFECTED_VALUE = "Affected Value";
    public static final String SHIPPING_COST = "Shipping Cost";
    public static final String TIER = "Tier";
    public static final String COMPENSATIONS_LAST_90_DAYS = "Compensations Last 90 Days";
    public static final String PUBLIC_REACH = "Public Reach";
    public static final String INCIDENT_LEVEL = "Incident Level";
    public static final String INCIDENT_DECLARED = "Incident Declared";
    public static final String OPTION_COUNT = "Option Count";

    public static final String DISSATISFACTION_SCORE = "Dissatisfaction Score";
    public static final String DISSATISFACTION_LEVEL = "Dissatisfaction Level";
    /** The customer's own level, fed to the models that decide by it. */
    public static final String CUSTOMER_LEVEL = "Customer Level";
    public static final String OUTSIDE_RETURN_WINDOW = "Outside Return Window";
    public static final String REMEDY_OPTIONS = "Remedy Options";
    public static final String GOODWILL_LEVEL = "Goodwill Level";
    public static final String COMPENSATION_OPTIONS = "Compensation Options";
    public static final String ESCALATION_PATH = "Escalation Path";
    public static final String RESPONSE_TIMES = "Response Times";
    public static final String ACTIONS = "Actions";

    /** Fields of an option (tOption) and of the response times (tResponseTimes) in the tables. */
    public static final String OPTION_TYPE = "type";
    public static final String OPTION_BASE = "base";
    public static final String OPTION_PERCENT = "percent";
    public static final String OPTION_DESCRIPTION = "description";
    public static final String FIRST_RESPONSE_MINUTES = "firstResponseMinutes";
    public static final String RESOLUTION_HOURS = "resolutionHours";
    public static final String UPDATE_EVERY_DAYS = "updateEveryDays";

    /** Values of tAmountBase: which amount of the order a percentage applies to. */
    public static final String BASE_ORDER_VALUE = "ORDER_VALUE";
    public static final String BASE_AFFECTED_VALUE = "AFFECTED_VALUE";
    public static final String BASE_SHIPPING_COST = "SHIPPING_COST";

    private Vocabulary() {
    }
}
