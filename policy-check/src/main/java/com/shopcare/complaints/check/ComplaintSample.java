package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.Vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A reproducible sample of valid complaints to decide a draft on: the same seed gives the same complaints, so two
 * checks of the same draft report the same figures. Enumerated values come from the policy's own types; counts and
 * amounts are spread so that every level and path comes up, with first contacts and short delays most common.
 * It is the one generator of valid complaints: the draft check decides its sample, and the property tests of the
 * shipped policy draw their complaints from it.
 */
public final class ComplaintSample {

    /** Currencies with two, zero (JPY) and three (KWD) decimals: amounts are rounded per currency. */
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("EUR"), Currency.getInstance("USD"),
            Currency.getInstance("GBP"), Currency.getInstance("JPY"), Currency.getInstance("KWD"));
    /** No table reads the channel; the API requires one. */
    private static final String CHANNEL = "EMAIL";

    private final Map<String, List<String>> enumerations;

    /** @param policy the policy whose types list the allowed values (the active one: it is what shops send today) */
    public ComplaintSample(Policy policy) {
        this.enumerations = policy.enumerations();
        for (String input : List.of(Vocabulary.ISSUE_TYPE, Vocabulary.RESPONSIBILITY, Vocabulary.EMOTION, Vocabulary.TIER,
                Vocabulary.INCIDENT_LEVEL)) {
            if (!enumerations.containsKey(input)) {
                throw new IllegalArgumentException("the policy declares no allowed values for '" + input + "'");
            }
        }
    }

    public List<Complaint> generate(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Complaint> sample = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sample.add(next(random, i));
        }
        return sample;
    }

    private Complaint next(SplittableRandom random, int index) {
        Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        // Every other complaint writes its amounts as short as they go (100 for 100.00), as shops may send them.
        boolean shortest = index % 2 == 1;
        BigDecimal orderValue = written(amount(random, 5, 20_000, currency), shortest);
        BigDecimal affectedValue = random.nextInt(2) == 0 ? orderValue
                : written(orderValue.multiply(BigDecimal.valueOf(random.nextInt(1, 101)))
                        .divide(BigDecimal.valueOf(100), currency.getDefaultFractionDigits(), RoundingMode.DOWN), shortest);
        String incidentLevel = random.nextInt(10) < 3 ? pick(random, Vocabulary.INCIDENT_LEVEL) : null;
        return Complaint.builder()
                .issueType(pick(random, Vocabulary.ISSUE_TYPE))
                .responsibility(pick(random, Vocabulary.RESPONSIBILITY))
                .channel(CHANNEL)
                .emotion(pick(random, Vocabulary.EMOTION))
                .contactCount(weighted(random, new int[][] {{5, 1, 1}, {3, 2, 2}, {2, 3, 8}}))
                .delayDays(weighted(random, new int[][] {{4, 0, 0}, {4, 1, 15}, {2, 16, 40}}))
                .isPublic(random.nextInt(10) < 3)
                .publicReach(random.nextInt(10) < 6 ? random.nextLong(0, 10_000) : random.nextLong(10_000, 500_001))
                .legalThreat(random.nextInt(10) == 0)
                .daysSinceDelivery(random.nextInt(10) < 3 ? null : random.nextInt(0, 121))
                .orderValue(orderValue)
                .currency(currency)
                .affectedValue(affectedValue)
                .shippingCost(written(amount(random, 0, 60, currency), shortest))
                .tier(pick(random, Vocabulary.TIER))
                .compensationsLast90Days(weighted(random, new int[][] {{8, 0, 2}, {2, 3, 6}}))
                .incident(incidentLevel == null ? null : new Complaint.Incident("INC-SAMPLE-" + incidentLevel, incidentLevel))
                .build();
    }

    private String pick(SplittableRandom random, String input) {
        List<String> values = enumerations.get(input);
        return values.get(random.nextInt(values.size()));
    }

    /** {weight, from, to} bands: a band chosen by weight, then a whole number in it. */
    private static int weighted(SplittableRandom random, int[][] bands) {
        int total = 0;
        for (int[] band : bands) {
            total += band[0];
        }
        int roll = random.nextInt(total);
        for (int[] band : bands) {
            if (roll < band[0]) {
                return random.nextInt(band[1], band[2] + 1);
            }
            roll -= band[0];
        }
        throw new IllegalStateException("unreachable");
    }

    private static BigDecimal amount(SplittableRandom random, int from, int to, Currency currency) {
        int decimals = currency.getDefaultFractionDigits();
        long minorUnits = random.nextLong((long) from * pow10(decimals), (long) to * pow10(decimals) + 1);
        return BigDecimal.valueOf(minorUnits, decimals);
    }

    private static BigDecimal written(BigDecimal amount, boolean shortest) {
        if (!shortest) {
            return amount;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
