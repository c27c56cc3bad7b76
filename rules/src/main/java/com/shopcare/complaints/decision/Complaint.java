package com.shopcare.complaints.decision;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * One complaint as the engine sees it: every field present, defaults already applied, amounts in the order currency.
 * Enumerated values are the names used in the DMN tables; the tables' type checks reject anything else.
 */
public record Complaint(
        String issueType,
        String responsibility,
        String channel,
        boolean isPublic,
        String emotion,
        int contactCount,
        int delayDays,
        boolean legalThreat,
        Integer daysSinceDelivery,
        BigDecimal orderValue,
        Currency currency,
        BigDecimal affectedValue,
        BigDecimal shippingCost,
        String tier,
        int compensationsLast90Days,
        long publicReach,
        Incident incident) {

    public Complaint {
        Objects.requireNonNull(issueType, "issueType");
        Objects.requireNonNull(responsibility, "responsibility");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(orderValue, "orderValue");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(affectedValue, "affectedValue");
        Objects.requireNonNull(shippingCost, "shippingCost");
        Objects.requireNonNull(tier, "tier");
    }

    /** A shop-declared incident that hit many customers at once, with the goodwill level decided for all of them (P10). */
    public record Incident(String id, String goodwillLevel) {
        public Incident {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(goodwillLevel, "goodwillLevel");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().issueType(issueType).responsibility(responsibility).channel(channel).isPublic(isPublic)
                .emotion(emotion).contactCount(contactCount).delayDays(delayDays).legalThreat(legalThreat)
                .daysSinceDelivery(daysSinceDelivery).orderValue(orderValue).currency(currency)
                .affectedValue(affectedValue).shippingCost(shippingCost).tier(tier)
                .compensationsLast90Days(compensationsLast90Days).publicReach(publicReach).incident(incident);
    }

    /** Starts from the API's documented defaults for the optional fields. */
    public static final class Builder {
        private String issueType;
        private String responsibility;
        private String channel;
        private boolean isPublic;
        private String emotion;
        private int contactCount = 1;
        private int delayDays;
        private boolean legalThreat;
        private Integer daysSinceDelivery;
        private BigDecimal orderValue;
        private Currency currency;
        private BigDecimal affectedValue;
        private BigDecimal shippingCost = BigDecimal.ZERO;
        private String tier;
        private int compensationsLast90Days;
        private long publicReach;
        private Incident incident;

        public Builder issueType(String v) { issueType = v; return this; }
        public Builder responsibility(String v) { responsibility = v; return this; }
        public Builder channel(String v) { channel = v; return this; }
        public Builder isPublic(boolean v) { isPublic = v; return this; }
        public Builder emotion(String v) { emotion = v; return this; }
        public Builder contactCount(int v) { contactCount = v; return this; }
        public Builder delayDays(int v) { delayDays = v; return this; }
        public Builder legalThreat(boolean v) { legalThreat = v; return this; }
        public Builder daysSinceDelivery(Integer v) { daysSinceDelivery = v; return this; }
        public Builder orderValue(BigDecimal v) { orderValue = v; return this; }
        public Builder currency(Currency v) { currency = v; return this; }
        public Builder affectedValue(BigDecimal v) { affectedValue = v; return this; }
        public Builder shippingCost(BigDecimal v) { shippingCost = v; return this; }
        public Builder tier(String v) { tier = v; return this; }
        public Builder compensationsLast90Days(int v) { compensationsLast90Days = v; return this; }
        public Builder publicReach(long v) { publicReach = v; return this; }
        public Builder incident(Incident v) { incident = v; return this; }

        public Complaint build() {
            return new Complaint(issueType, responsibility, channel, isPublic, emotion, contactCount, delayDays,
                    legalThreat, daysSinceDelivery, orderValue, currency,
                    affectedValue == null ? orderValue : affectedValue, shippingCost, tier,
                    compensationsLast90Days, publicReach, incident);
        }
    }
}
