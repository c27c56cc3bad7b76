package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Option;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.scenarios.ScenarioTerms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a draft changes for a set of complaints, compared with the active policy: how many decisions change and in
 * which field, and the money offered before and after. "Money offered" is what the shop pays if every customer takes
 * the recommended options: the recommended remedy and the recommended compensation, when they are worth money,
 * summed per currency and option type (refunds, vouchers, ...).
 */
public final class DecisionImpact {

    /** How many examples of changed decisions a report shows. */
    static final int EXAMPLES = 5;

    /** Where the draft could not decide a complaint at all. */
    static final String FAILS = "decision fails";

    /** The fields whose change is counted, by the scenario files' terms. */
    private static final Map<String, Function<Decision, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("level", d -> d.dissatisfaction().level());
        FIELDS.put("path", d -> d.escalation().path());
        FIELDS.put("recommended remedy", d -> d.recommendedRemedy().map(Option::type).orElse(null));
        FIELDS.put("recommended compensation", d -> d.recommendedCompensation().map(Option::type).orElse(null));
        FIELDS.put("compensation", d -> d.compensation().stream().map(o -> o.type() + " " + o.percent() + " " + o.amount()).toList());
        FIELDS.put("remedies", d -> d.remedies().stream().map(o -> o.type() + " " + o.amount()).toList());
        FIELDS.put("response times", Decision::responseTimes);
        FIELDS.put("actions", d -> new java.util.TreeSet<>(d.actions()));
    }

    /** Money offered in one currency as one option type, before and after. */
    public record Money(String currency, String optionType, BigDecimal before, BigDecimal after) {
        public BigDecimal difference() {
            return after.subtract(before);
        }
    }

    /** One complaint whose decision changed, in the scenario files' terms. */
    public record Change(Map<String, String> complaint, Map<String, String> before, Map<String, String> after) {
    }

    /**
     * @param complaints how many complaints were decided under both policies
     * @param changed    how many decisions differ in at least one counted field
     * @param byField    for each counted field, how many decisions it changed in
     */
    public record Result(int complaints, int changed, Map<String, Integer> byField, List<Money> money,
                         List<Change> examples) {
    }

    private DecisionImpact() {
    }

    /**
     * @param drafted the draft's decision for each complaint, in the same order; null where the draft could not
     *                decide (counted under "decision fails")
     */
    public static Result compare(Policy active, List<Complaint> complaints, List<Decision> drafted) {
        Map<String, Integer> byField = new LinkedHashMap<>();
        FIELDS.keySet().forEach(field -> byField.put(field, 0));
        byField.put(FAILS, 0);
        Map<String, BigDecimal[]> money = new TreeMap<>();
        List<Change> examples = new ArrayList<>();
        int changed = 0;
        for (int i = 0; i < complaints.size(); i++) {
            Complaint complaint = complaints.get(i);
            Decision before = active.decide(complaint);
            Decision after = drafted.get(i);
            if (after == null) {
                byField.merge(FAILS, 1, Integer::sum);
                changed++;
                continue;
            }
            boolean differs = false;
            for (Map.Entry<String, Function<Decision, Object>> field : FIELDS.entrySet()) {
                if (!Objects.equals(field.getValue().apply(before), field.getValue().apply(after))) {
                    byField.merge(field.getKey(), 1, Integer::sum);
                    differs = true;
                }
            }
            if (differs) {
                changed++;
                if (examples.size() < EXAMPLES) {
                    examples.add(new Change(ScenarioTerms.describe(complaint), ScenarioTerms.describe(before),
                            ScenarioTerms.describe(after)));
                }
            }
            String currency = complaint.currency().getCurrencyCode();
            add(money, currency, before, 0);
            add(money, currency, after, 1);
        }
        List<Money> totals = money.entrySet().stream()
                .map(entry -> {
                    String[] key = entry.getKey().split(" ", 2);
                    return new Money(key[0], key[1], entry.getValue()[0], entry.getValue()[1]);
                })
                .toList();
        return new Result(complaints.size(), changed, byField, totals, examples);
    }

    private static void add(Map<String, BigDecimal[]> money, String currency, Decision decision, int column) {
        for (java.util.Optional<Option> recommended : List.of(decision.recommendedRemedy(), decision.recommendedCompensation())) {
            Option option = recommended.orElse(null);
            if (option != null && option.amount() != null) {
                BigDecimal[] beforeAndAfter = money.computeIfAbsent(currency + " " + option.type(),
                        key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                beforeAndAfter[column] = beforeAndAfter[column].add(option.amount());
            }
        }
    }
}
