package com.shopcare.complaints.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one FEEL expression of a policy file may cost, checked on its text before anything evaluates it, so that no
 * input, however rare, can make a decision run for minutes or fill the heap (issue 21, finding 2: a check's sample
 * never meets every condition, so evaluating cannot find these). A policy table holds values and conditions; it has
 * no use for any of the following, and each is refused:
 * <ul>
 *   <li>iterations ({@code for}, {@code some}, {@code every}) over more than {@link #MAX_ITERATIONS} values in all
 *       (the product of their ranges), or over a range whose bounds are not numbers written in the expression;</li>
 *   <li>function definitions ({@code function(...)}): a function can call itself, without end;</li>
 *   <li>regular expressions ({@code matches}, {@code replace}, {@code split}) that are not a string written in the
 *       expression, longer than {@link #MAX_PATTERN_LENGTH} characters, with a back-reference, or with a repeated
 *       group that itself repeats or has alternatives ({@code (a+)+}, {@code (a|ab)*}): the patterns whose matching
 *       time grows exponentially with the input.</li>
 * </ul>
 * Iterating over a list the complaint or an earlier decision supplies is allowed: its size is bounded by the request.
 */
final class FeelLimits {

    /** The most values the iterations of one expression may run over together. */
    static final int MAX_ITERATIONS = 1_000;
    /** The longest regular expression a policy file may contain. */
    static final int MAX_PATTERN_LENGTH = 100;

    private static final Pattern ITERATION = Pattern.compile("\\b(for|some|every)\\b");
    private static final Pattern IN = Pattern.compile("\\bin\\b");
    private static final Pattern ITERATION_END = Pattern.compile("\\b(return|satisfies)\\b");
    private static final Pattern LITERAL_RANGE = Pattern.compile("^[\\[(]?\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*[\\])]?$");
    private static final Pattern FUNCTION = Pattern.compile("\\bfunction\\s*\\(");
    private static final Pattern PATTERN_FUNCTION = Pattern.compile("\\b(matches|replace|split)\\s*\\(");
    private static final Pattern NAMED_PATTERN = Pattern.compile("^(pattern|delimiter)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BACK_REFERENCE = Pattern.compile("\\\\([1-9]|k<)");
    /** A group holding a quantifier or an alternative, itself repeated without bound: (a+)+, (a|ab)*, (x*){2,}. */
    private static final Pattern NESTED_REPETITION = Pattern.compile(
            "\\((?:[^()\\\\]|\\\\.)*[*+|}](?:[^()\\\\]|\\\\.)*\\)(?:[*+]|\\{\\d*,)");

    private FeelLimits() {
    }

    /**
     * What the expression does beyond the limits, each a sentence a table's author can act on; empty when it
     * stays within them. {@code code} is the expression with its strings and comments blanked out (same length).
     */
    static List<String> problems(String feel, String code) {
        List<String> problems = new ArrayList<>();
        iterations(code, problems);
        if (FUNCTION.matcher(code).find()) {
            problems.add("a function definition (function(...) ...) is not allowed: a function can call itself"
                    + " without end, and a policy table needs none");
        }
        patterns(feel, code, problems);
        return problems;
    }

    private static void iterations(String code, List<String> problems) {
        BigInteger values = BigInteger.ONE;
        Matcher iteration = ITERATION.matcher(code);
        while (iteration.find()) {
            Matcher end = ITERATION_END.matcher(code);
            int clausesEnd = end.find(iteration.end()) ? end.start() : code.length();
            // The clauses: "name in domain, name in domain, ..." up to return/satisfies.
            for (String clause : topLevelParts(code.substring(iteration.end(), clausesEnd))) {
                Matcher in = IN.matcher(clause);
                if (!in.find()) {
                    continue;
                }
                String domain = clause.substring(in.end()).strip();
                if (!domain.contains("..")) {
                    continue;
                }
                Matcher range = LITERAL_RANGE.matcher(domain);
                if (!range.matches()) {
                    problems.add("an iteration over the range " + domain + " is not allowed: a range to iterate over"
                            + " must have numbers as its bounds, so that its size is known");
                    return;
                }
                BigInteger size = new BigInteger(range.group(2)).subtract(new BigInteger(range.group(1))).abs()
                        .add(BigInteger.ONE);
                values = values.multiply(size);
            }
        }
        if (values.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            problems.add("an iteration over " + values + " values is not allowed: the iterations of one expression may"
                    + " run over at most " + MAX_ITERATIONS + " values in all");
        }
    }

    private static void patterns(String feel, String code, List<String> problems) {
        Matcher call = PATTERN_FUNCTION.matcher(code);
        while (call.find()) {
            String function = call.group(1).toLowerCase(Locale.ROOT);
            int close = closingParenthesis(code, call.end() - 1);
            List<int[]> arguments = topLevelSpans(code, call.end(), close);
            String pattern = null;
            for (int[] argument : arguments) {
                String text = feel.substring(argument[0], argument[1]).strip();
                Matcher named = NAMED_PATTERN.matcher(text);
                if (named.find()) {
                    pattern = text.substring(named.end()).strip();
                }
            }
            if (pattern == null && arguments.size() > 1) {
                pattern = feel.substring(arguments.get(1)[0], arguments.get(1)[1]).strip();
            }
            if (pattern == null) {
                continue;
            }
            if (pattern.length() < 2 || !pattern.startsWith("\"") || !pattern.endsWith("\"")) {
                problems.add("the pattern of " + function + "(...) must be a string written in the table, so that it"
                        + " can be checked; it is " + pattern);
                continue;
            }
            String regex = pattern.substring(1, pattern.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            if (regex.length() > MAX_PATTERN_LENGTH) {
                problems.add("the pattern of " + function + "(...) is " + regex.length() + " characters long: at most "
                        + MAX_PATTERN_LENGTH + " are allowed");
            } else if (BACK_REFERENCE.matcher(regex).find()) {
                problems.add("the pattern " + pattern + " of " + function + "(...) has a back-reference, which is not"
                        + " allowed: matching it can take exponential time");
            } else if (NESTED_REPETITION.matcher(regex).find()) {
                problems.add("the pattern " + pattern + " of " + function + "(...) repeats a group that itself repeats"
                        + " or has alternatives, which is not allowed: matching it can take exponential time");
            }
        }
    }

    /** The index of the parenthesis closing the one at {@code open}, or the end of the text. */
    private static int closingParenthesis(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The parts of the text between {@code from} and {@code to} separated by commas outside brackets. */
    private static List<int[]> topLevelSpans(String code, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                spans.add(new int[] {start, i});
                start = i + 1;
            }
        }
        spans.add(new int[] {start, to});
        return spans;
    }

    private static List<String> topLevelParts(String code) {
        return topLevelSpans(code, 0, code.length()).stream().map(span -> code.substring(span[0], span[1])).toList();
    }
}
