package com.shopcare.complaints.engine;

import com.shopcare.complaints.decision.Complaint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Random complaints that the service would accept: every enumerated field from the policy's enumerations, counts
 * and days within their ranges, and amounts in the order currency with at most its minor-unit decimals.
 */
final class ValidComplaints {

    static final List<String> ISSUE_TYPES = List.of("LATE_DELIVERY", "NOT_DELIVERED", "DEFECTIVE_PRODUCT",
            "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM", "PRICE_DISPUTE", "REFUND_DELAY", "SERVICE_COMPLAINT",
            "BILLING_ERROR", "OTHER");
    static final List<String> RESPONSIBILITIES = List.of("SHOP", "CARRIER", "SUPPLIER", "CUSTOMER", "UNKNOWN");
    static final List<String> SHOP_SIDE = List.of("SHOP", "CARRIER", "SUPPLIER", "UNKNOWN");
    static final List<String> CHANNELS = List.of("EMAIL", "PHONE", "CHAT", "SOCIAL_MEDIA", "REVIEW_SITE", "MARKETPLACE");
    /** From least to most upset. */
    static final List<String> EMOTIONS = List.of("CALM", "UPSET", "ANGRY", "FURIOUS");
    /** From lowest to highest. */
    static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final List<String> TIERS = List.of("NEW", "REGULAR", "LOYAL", "VIP");
    static final List<String> PATHS = List.of("AUTO_RESOLVE", "FRONTLINE_AGENT", "SENIOR_AGENT", "SUPERVISOR",
            "SOCIAL_MEDIA_TEAM", "LEGAL");
    /** Two-decimal currencies, one without decimals (JPY) and one with three (KWD). */
    static final List<Currency> CURRENCIES = List.of(Currency.getInstance("EUR"), Currency.getInstance("USD"),
            Currency.getInstance("JPY"), Currency.getInstance("KWD"));

    private ValidComplaints() {
    }

    /** Any valid complaint. */
    static Arbitrary<Complaint> any() {
        return Combinators.combine(situations(), signals(), money())
                .as((situation, signals, money) -> situation.into(signals.into(money.into(Complaint.builder()))).build());
    }

    /** A valid complaint that the shop side (SHOP, CARRIER, SUPPLIER or UNKNOWN) is responsible for. */
    static Arbitrary<Complaint> shopSide() {
        return Combinators.combine(any(), Arbitraries.of(SHOP_SIDE))
                .as((complaint, responsibility) -> complaint.toBuilder().responsibility(responsibility).build());
    }

    /** A valid complaint the customer caused. */
    static Arbitrary<Complaint> customerFault() {
        return any().map(complaint -> complaint.toBuilder().responsibility("CUSTOMER").build());
    }

    /** What the complaint is about and who the customer is; legal threats and frequent compensation are rarer. */
    private record Situation(String issueType, String responsibility, String channel, boolean legalThreat,
                             Integer daysSinceDelivery, String tier, int compensationsLast90Days,
                             Complaint.Incident incident) {
        Complaint.Builder into(Complaint.Builder builder) {
            return builder.issueType(issueType).responsibility(responsibility).channel(channel).legalThreat(legalThreat)
                    .daysSinceDelivery(daysSinceDelivery).tier(tier).compensationsLast90Days(compensationsLast90Days)
                    .incident(incident);
        }
    }

    /**
     * The dissatisfaction signals, and the audience of a public complaint. The counts are weighted towards first
     * contacts and short delays, so that every level, not only CRITICAL, comes up often.
     */
    private record Signals(String emotion, int contactCount, int delayDays, boolean isPublic, long publicReach) {
        Complaint.Builder into(Complaint.Builder builder) {
            return builder.emotion(emotion).contactCount(contactCount).delayDays(delayDays).isPublic(isPublic)
                    .publicReach(publicReach);
        }
    }

    private record Money(Currency currency, BigDecimal orderValue, BigDecimal affectedValue, BigDecimal shippingCost) {
        Complaint.Builder into(Complaint.Builder builder) {
            return builder.currency(currency).orderValue(orderValue).affectedValue(affectedValue)
                    .shippingCost(shippingCost);
        }
    }

    private static Arbitrary<Situation> situations() {
        return Combinators.combine(
                        Arbitraries.of(ISSUE_TYPES),
                        Arbitraries.of(RESPONSIBILITIES),
                        Arbitraries.of(CHANNELS),
                        Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false)),
                        Arbitraries.integers().between(0, 120).injectNull(0.3),
                        Arbitraries.of(TIERS),
                        Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(0, 2)),
                                Tuple.of(2, Arbitraries.integers().between(3, 6))),
                        incidents())
                .as(Situation::new);
    }

    private static Arbitrary<Signals> signals() {
        return Combinators.combine(
                        Arbitraries.of(EMOTIONS),
                        Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(1)), Tuple.of(3, Arbitraries.just(2)),
                                Tuple.of(2, Arbitraries.integers().between(3, 8))),
                        Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)),
                                Tuple.of(4, Arbitraries.integers().between(1, 15)),
                                Tuple.of(2, Arbitraries.integers().between(16, 40))),
                        Arbitraries.frequency(Tuple.of(3, true), Tuple.of(7, false)),
                        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.longs().between(0, 9_999)),
                                Tuple.of(4, Arbitraries.longs().between(10_000, 500_000))))
                .as(Signals::new);
    }

    private static Arbitrary<Complaint.Incident> incidents() {
        return Arbitraries.of(LEVELS)
                .map(level -> new Complaint.Incident("INC-" + level, level))
                .injectNull(0.7);
    }

    /**
     * An order of up to 20,000 in its currency, the affected part of it, and a shipping cost of up to 60; amounts are
     * in minor units and sometimes written with fewer decimals (100 instead of 100.00), as callers may send them.
     */
    private static Arbitrary<Money> money() {
        return Arbitraries.of(CURRENCIES).flatMap(currency -> {
            int decimals = currency.getDefaultFractionDigits();
            long minorUnitsPerUnit = BigDecimal.TEN.pow(decimals).longValueExact();
            return Arbitraries.longs().between(1, 20_000 * minorUnitsPerUnit).flatMap(orderUnits ->
                    Combinators.combine(
                                    Arbitraries.longs().between(0, orderUnits),
                                    Arbitraries.longs().between(0, 60 * minorUnitsPerUnit),
                                    Arbitraries.of(true, false))
                            .as((affectedUnits, shippingUnits, shortest) -> new Money(currency,
                                    amount(orderUnits, decimals, shortest),
                                    amount(affectedUnits, decimals, shortest),
                                    amount(shippingUnits, decimals, shortest))));
        });
    }

    private static BigDecimal amount(long minorUnits, int decimals, boolean shortest) {
        BigDecimal amount = BigDecimal.valueOf(minorUnits, decimals);
        if (!shortest) {
            return amount;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
