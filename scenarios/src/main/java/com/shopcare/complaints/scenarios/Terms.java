package com.shopcare.complaints.scenarios;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How values are written in scenario tables: the same spelling for inputs and expectations. */
final class Terms {

    /** The word for an empty list or an absent value. */
    static final String NONE = "none";

    /** "-" stands for "not given" in an input column, so that one Examples column can mix given and absent values. */
    static final String ABSENT = "-";

    // Thousands separators as business staff write them ("10,000", "1,000.00"); the decimal point is always '.'.
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private Terms() {
    }

    /** Terms are matched ignoring case and extra spaces: "Delay  Days" is "delay days". */
    static String normalise(String term) {
        return term.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String plainNumber(String value) {
        String trimmed = value.trim();
        return GROUPED.matcher(trimmed).matches() ? trimmed.replace(",", "") : trimmed;
    }

    static BigDecimal decimal(String term, String value) {
        try {
            return new BigDecimal(plainNumber(value));
        } catch (NumberFormatException e) {
            throw new ScenarioTermException(term, "'" + value + "' is not a number");
        }
    }

    static long whole(String term, String value) {
        try {
            return Long.parseLong(plainNumber(value));
        } catch (NumberFormatException e) {
            throw new ScenarioTermException(term, "'" + value + "' is not a whole number");
        }
    }

    static boolean yesNo(String term, String value) {
        return switch (normalise(value)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new ScenarioTermException(term, "'" + value + "' is neither yes nor no");
        };
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** A comma-separated list, or {@value #NONE}. */
    static List<String> list(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty() || normalise(trimmed).equals(NONE)) {
            return List.of();
        }
        return Arrays.stream(trimmed.split(",")).map(String::trim).toList();
    }

    static String list(List<String> values) {
        return values.isEmpty() ? NONE : String.join(", ", values);
    }
}
