package com.shopcare.complaints.guards;

import com.shopcare.complaints.decision.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** What the guard rules may read about the complaint and the tables' findings. Read-only. */
public final class CaseFacts {

    private final String issueType;
    private final String responsibility;
    private final int compensationsLast90Days;
    private final boolean outsideReturnWindow;
    private final BigDecimal orderValue;
    private final BigDecimal affectedValue;
    private final Currency currency;

    public CaseFacts(String issueType, String responsibility, int compensationsLast90Days, boolean outsideReturnWindow,
                     BigDecimal orderValue, BigDecimal affectedValue, Currency currency) {
        this.issueType = issueType;
        this.responsibility = responsibility;
        this.compensationsLast90Days = compensationsLast90Days;
        this.outsideReturnWindow = outsideReturnWindow;
        this.orderValue = orderValue;
        this.affectedValue = affectedValue;
        this.currency = currency;
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
}
