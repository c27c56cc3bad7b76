package com.shopcare.complaints.guards;

/**
 * The numbers the DRL guards hold whatever the tables say (P4, P6, P8 of COMPLAINT-POLICY.md), written once: the guard
 * rules read them, and so does the draft check's statement of the same invariants, so a change cannot leave the two
 * disagreeing. Like the DRL, this file ships with the code and is reviewed like it; business staff change the tables.
 */
public final class GuardLimits {

    /** P4, P8: from this many compensations in the last 90 days, money needs an agent's approval and a senior agent. */
    public static final int FREQUENT_COMPENSATIONS = 3;
    /** P8: no single compensation option is worth more than this percentage of the order value. */
    public static final int COMPENSATION_CAP_PERCENT = 50;
    /** P6: the customer is never left longer than this many days without an update. */
    public static final int MAX_DAYS_BETWEEN_UPDATES = 7;

    private GuardLimits() {
    }
}
