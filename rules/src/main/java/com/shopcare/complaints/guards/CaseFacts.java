package com.shopcare.complaints.guards;

import com.shopcare.complaints.decision.Money;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * What the guard rules know about the complaint and the tables' findings, read-only, and the escalation path the
 * table chose, which they may raise. The path is part of the case rather than a fact of its own so that a routing
 * rule is a condition on one fact instead of a join of two: every fact a decision inserts and deletes costs a trip
 * through the engine's network (docs/BENCHMARKS.md).
 */
public final class CaseFacts {

    private final String issueType;
    private final String responsibility;
    private final int compensationsLast90Days;
    private final boolean outsideReturnWindow;
    private final BigDecimal orderValue;
    private final BigDecimal affectedValue;
    private final Currency currency;
    private String path;
    private String reason;

    public CaseFacts(String issueType, String responsibility, int compensationsLast90Days, boolean outsideReturnWindow,
                     BigDecimal orderValue, BigDecimal affectedValue, Currency currency, String path, String reason) {
        this.issueType = issueType;
        this.responsibility = responsibility;
        this.compensationsLast90Days = compensationsLast90Days;
        this.outsideReturnWindow = outsideReturnWindow;
        this.orderValue = orderValue;
        this.affectedValue = affectedValue;
        this.currency = currency;
        this.path = path;
        this.reason = reason;
    }

    public String getIssueType() {
        return issueType;
    }

    public String getResponsibility() {
        return responsibility;
    }

    public int getCompensationsLast90Days() {
        return compensationsLast90Days;
    }

    public boolean isOutsideReturnWindow() {
        return outsideReturnWindow;
    }

    public BigDecimal getOrderValue() {
        return orderValue;
    }

    public BigDecimal getAffectedValue() {
        return affectedValue;
    }

    public String getCurrency() {
        return currency.getCurrencyCode();
    }

    /** The given percentage of the order value, rounded like every amount; the rules name the percentage. */
    public BigDecimal percentOfOrderValue(int percent) {
        return Money.percentOf(orderValue, BigDecimal.valueOf(percent), currency);
    }

    /** The escalation path: the table's, or the one a rule raised it to. */
    public String getPath() {
        return path;
    }

    /** Why the case takes that path: the deciding table row's note, or the rule's reason. */
    public String getReason() {
        return reason;
    }

    public void raiseTo(String path, String reason) {
        this.path = path;
        this.reason = reason;
    }
}
