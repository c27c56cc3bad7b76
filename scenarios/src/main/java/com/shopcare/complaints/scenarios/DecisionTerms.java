package com.shopcare.complaints.scenarios;

import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Option;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words a scenario uses for what a decision must be, and how each is compared with the actual decision.
 * Lists of options compare in the order they are offered; actions compare as a set, because the order of a
 * handler's to-do list carries no meaning.
 */
final class DecisionTerms {

    /** What an amount or percent term says of an option type the decision does not offer. */
    static final String NOT_OFFERED = "not offered";

    private static final Map<String, Function<Decision, String>> VALUES = new LinkedHashMap<>();
    private static final Pattern OPTION_VALUE =
            Pattern.compile("(?:(remedy|compensation) )?([a-z_]+) (amount|percent)");

    static {
        VALUES.put("score", d -> String.valueOf(d.dissatisfaction().score()));
        VALUES.put("level", d -> d.dissatisfaction().level());
        VALUES.put("path", d -> d.escalation().path());
        VALUES.put("first response minutes", d -> String.valueOf(d.responseTimes().firstResponseMinutes()));
        VALUES.put("resolution hours", d -> String.valueOf(d.responseTimes().resolutionHours()));
        VALUES.put("update every days", d -> String.valueOf(d.responseTimes().updateEveryDays()));
        VALUES.put("remedies", d -> Terms.list(types(d.remedies())));
        VALUES.put("compensation", d -> Terms.list(types(d.compensation())));
        VALUES.put("recommended remedy", d -> recommended(d.remedies()));
        VALUES.put("recommended compensation", d -> recommended(d.compensation()));
        VALUES.put("approval needed", DecisionTerms::approval);
    }

    private DecisionTerms() {
    }

    /** The terms a scenario may expect, besides "[remedy|compensation] TYPE amount|percent". */
    static List<String> known() {
        List<String> known = new ArrayList<>(VALUES.keySet());
        known.addAll(List.of("actions", "actions include", "actions exclude", "explanation mentions",
                "escalation reason mentions", "TYPE amount", "TYPE percent"));
        return known;
    }

    /** The value of every term of {@link #known()} that names one value, for showing a decision. */
    static Map<String, String> describe(Decision decision) {
        Map<String, String> terms = new LinkedHashMap<>();
        VALUES.forEach((term, value) -> terms.put(term, value.apply(decision)));
        Set<String> remedyTypes = new LinkedHashSet<>(types(decision.remedies()));
        Set<String> inBoth = new LinkedHashSet<>(types(decision.compensation()));
        inBoth.retainAll(remedyTypes);
        describeOptions("remedy", decision.remedies(), inBoth, terms);
        describeOptions("compensation", decision.compensation(), inBoth, terms);
        return terms;
    }

    /** "voucher percent", "voucher amount" ...; prefixed with the list when the type is offered in both. */
    private static void describeOptions(String list, List<Option> options, Set<String> inBoth, Map<String, String> terms) {
        for (Option option : options) {
            String term = (inBoth.contains(option.type()) ? list + " " : "") + option.type().toLowerCase(Locale.ROOT);
            if (option.percent() != null) {
                terms.put(term + " percent", option.percent().stripTrailingZeros().toPlainString());
            }
            terms.put(term + " amount", option.amount() == null ? Terms.NONE : option.amount().toPlainString());
        }
    }

    static Optional<Mismatch> check(String term, String expected, Decision decision) {
        Function<Decision, String> value = VALUES.get(term);
        if (value != null) {
            String actual = value.apply(decision);
            boolean same = isList(term)
                    ? Terms.list(expected).equals(Terms.list(actual))
                    : expected.trim().equals(actual);
            return same ? Optional.empty() : Optional.of(new Mismatch(term, expected, actual));
        }
        return switch (term) {
            case "actions" -> {
                Set<String> want = new LinkedHashSet<>(Terms.list(expected));
                yield want.equals(new LinkedHashSet<>(decision.actions()))
                        ? Optional.empty()
                        : Optional.of(new Mismatch(term, Terms.list(List.copyOf(want)), Terms.list(decision.actions())));
            }
            case "actions include" -> Terms.list(expected).stream().allMatch(decision.actions()::contains)
                    ? Optional.empty()
                    : Optional.of(new Mismatch(term, expected, Terms.list(decision.actions())));
            case "actions exclude" -> Terms.list(expected).stream().noneMatch(decision.actions()::contains)
                    ? Optional.empty()
                    : Optional.of(new Mismatch(term, "none of " + expected, Terms.list(decision.actions())));
            case "explanation mentions" -> mentions(decision.explanation().stream()
                    .map(line -> line.source() + ": " + line.detail()).toList(), term, expected);
            case "escalation reason mentions" -> mentions(List.of(decision.escalation().reason()), term, expected);
            default -> optionValue(term, expected, decision);
        };
    }

    private static boolean isList(String term) {
        return term.equals("remedies") || term.equals("compensation");
    }

    private static Optional<Mismatch> mentions(List<String> lines, String term, String expected) {
        String wanted = expected.toLowerCase(Locale.ROOT);
        return lines.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).contains(wanted))
                ? Optional.empty()
                : Optional.of(new Mismatch(term, "'" + expected + "'", String.join(" | ", lines)));
    }

    private static Optional<Mismatch> optionValue(String term, String expected, Decision decision) {
        Matcher matcher = OPTION_VALUE.matcher(term);
        if (!matcher.matches()) {
            throw new ScenarioTermException(term, "not a decision term; known terms: " + String.join(", ", known()));
        }
        String type = matcher.group(2).toUpperCase(Locale.ROOT);
        List<Option> options = switch (matcher.group(1) == null ? "either" : matcher.group(1)) {
            case "remedy" -> byType(decision.remedies(), type);
            case "compensation" -> byType(decision.compensation(), type);
            default -> Stream.concat(byType(decision.remedies(), type).stream(),
                    byType(decision.compensation(), type).stream()).toList();
        };
        if (options.size() > 1) {
            throw new ScenarioTermException(term, type + " is offered more than once; write 'remedy " + type
                    + " " + matcher.group(3) + "' or 'compensation " + type + " " + matcher.group(3) + "'");
        }
        if (options.isEmpty()) {
            return Terms.normalise(expected).equals(NOT_OFFERED)
                    ? Optional.empty() : Optional.of(new Mismatch(term, expected, NOT_OFFERED));
        }
        Option option = options.get(0);
        if (matcher.group(3).equals("amount")) {
            // Amounts compare as written, scale included: "5" is not "5.00" in EUR, and "1235.00" is not "1235" in JPY.
            String actual = option.amount() == null ? Terms.NONE : option.amount().toPlainString();
            return Terms.plainNumber(expected).equals(actual)
                    ? Optional.empty() : Optional.of(new Mismatch(term, expected, actual));
        }
        if (option.percent() == null) {
            return Terms.normalise(expected).equals(Terms.NONE)
                    ? Optional.empty() : Optional.of(new Mismatch(term, expected, Terms.NONE));
        }
        BigDecimal want = Terms.decimal(term, expected.replace("%", ""));
        return option.percent().compareTo(want) == 0
                ? Optional.empty() : Optional.of(new Mismatch(term, expected, option.percent().toPlainString()));
    }

    private static List<Option> byType(List<Option> options, String type) {
        return options.stream().filter(o -> o.type().equals(type)).toList();
    }

    private static List<String> types(List<Option> options) {
        return options.stream().map(Option::type).toList();
    }

    private static String recommended(List<Option> options) {
        List<String> recommended = options.stream().filter(Option::recommended).map(Option::type).toList();
        return recommended.isEmpty() ? Terms.NONE : String.join(", ", recommended);
    }

    private static String approval(Decision decision) {
        long needing = decision.compensation().stream().filter(Option::requiresApproval).count();
        if (needing == 0) {
            return "no";
        }
        return needing == decision.compensation().size() ? "yes" : "for " + needing + " of " + decision.compensation().size();
    }
}
