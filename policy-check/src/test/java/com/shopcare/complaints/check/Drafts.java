package com.shopcare.complaints.check;

import com.shopcare.complaints.engine.PolicyFiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** Edits a customer-service lead might make to the shipped tables, good and bad. */
public final class Drafts {

    public static final String COMPENSATION = "Compensation.dmn";
    public static final String DISSATISFACTION = "Dissatisfaction.dmn";
    /** The scenario files whose examples pin the MEDIUM voucher's percentage. */
    public static final String GUARDS_SCENARIOS = "P8-guards.feature";
    public static final String LOYALTY_SCENARIOS = "P9-loyalty.feature";

    private Drafts() {
    }

    public static String shipped(String file) {
        return new String(PolicyFiles.shipped().files().get(file), StandardCharsets.UTF_8);
    }

    /** The README's walk-through: the MEDIUM voucher from 10 % to {@code percent} %. */
    public static String mediumVoucher(int percent) {
        return mediumVoucher(String.valueOf(percent));
    }

    public static String mediumVoucher(String percent) {
        return edit(COMPENSATION,
                // The row's percentage and its annotation, never crossing into another row.
                "(?s)<text>10</text>((?:(?!</rule>).)*?MEDIUM dissatisfaction: a voucher of )10 %",
                "<text>" + percent + "</text>$1" + percent + " %");
    }

    /** The MEDIUM score range closed at 50, so that a score of exactly 50 is MEDIUM and HIGH at once. */
    public static String overlappingLevels() {
        return edit(DISSATISFACTION, "<text>\\[25\\.\\.50\\)</text>", "<text>[25..50]</text>");
    }

    /** A furious customer gets fewer points than an angry one: raising the emotion lowers the score. */
    public static String furiousPoints(int points) {
        return edit(DISSATISFACTION, "<text>30</text>(\\s*</outputEntry>\\s*<annotationEntry>\\s*<text>The customer is furious: )30",
                "<text>" + points + "</text>$1" + points);
    }

    /** A decision whose expression is a Java external function: code, not data. */
    public static String externalFunction() {
        return edit(DISSATISFACTION, "(<inputData )", "<decision id=\"_exit\" name=\"Exit\"><literalExpression><text>"
                + "function(code) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}"
                + "</text></literalExpression></decision>\n  $1");
    }

    /**
     * Dissatisfaction's first row (NOT_DELIVERED: 35 points) builds a list of a hundred million numbers first, for a
     * delay no sample complaint has: evaluated, one such request would fill the heap (issue 21, finding 2).
     */
    public static String hugeListBehindARareCondition() {
        return firstRowPoints("if Delay Days &gt; 100000 then count(for i in 1..100000000 return i) else 35");
    }

    /** The same row matching the delay against a pattern whose matching time grows exponentially with its length. */
    public static String catastrophicPattern() {
        return firstRowPoints("if matches(string(Delay Days), \"^([0-9]+)+x$\") then 0 else 35");
    }

    /**
     * Compensation importing the Actions model, another table of this policy: allowed by the safety scan, but the
     * policy keeps one model per concern, joined by the engine, not by DMN imports.
     */
    public static String importingAnotherModel() {
        return edit(COMPENSATION, "(</description>)", "$1\n  <import namespace=\"https://shopcare.example/dmn/Actions\""
                + " name=\"Actions\" importType=\"https://www.omg.org/spec/DMN/20230324/MODEL/\"/>");
    }

    private static String firstRowPoints(String feel) {
        return edit(DISSATISFACTION, "(<outputEntry id=\"_Dissatisfaction_o_30\">\\s*<text>)35(</text>)",
                "$1" + Matcher.quoteReplacement(feel) + "$2");
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The MEDIUM voucher at {@code percent} % as a lead publishes it: the table, and the seven examples that pin the
     * old percentage updated to say the new one, cell by cell, the rest of each file as it was.
     */
    public static java.util.Map<String, String> mediumVoucherWithExamples(int percent) {
        return mediumVoucherWithExamples(String.valueOf(percent));
    }

    /** As {@link #mediumVoucherWithExamples(int)}, for a percentage with decimals ({@code "10.5"}), as written. */
    public static java.util.Map<String, String> mediumVoucherWithExamples(String percent) {
        BigDecimal value = new BigDecimal(percent);
        return java.util.Map.of(COMPENSATION, mediumVoucher(percent),
                GUARDS_SCENARIOS, guardExamples(value), LOYALTY_SCENARIOS, loyaltyExamples(percent));
    }

    /** P8's examples of the cap on shipping refunds: the voucher column, a MEDIUM voucher of each order. */
    public static String guardExamples(BigDecimal percent) {
        String original = shippedScenarios(GUARDS_SCENARIOS);
        StringBuilder edited = new StringBuilder();
        boolean inTable = false;
        for (String line : original.split("\n", -1)) {
            String[] cells = line.split("\\|", -1);
            if (line.contains("| order value | currency | shipping cost | shipping refund | voucher |")) {
                inTable = true;
            } else if (inTable && cells.length > 6) {
                BigDecimal order = new BigDecimal(cells[1].strip().replace(",", ""));
                int decimals = java.util.Currency.getInstance(cells[2].strip()).getDefaultFractionDigits();
                String voucher = order.multiply(percent).movePointLeft(2)
                        .setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
                cells[5] = " " + pad(voucher, cells[5].length() - 1);
                cells[6] = cells[6].replace("10 % is 100.1", percent.toPlainString() + " % is "
                        + BigDecimal.valueOf(1001).multiply(percent).movePointLeft(2).stripTrailingZeros().toPlainString());
                line = String.join("|", cells);
            } else {
                inTable = false;
            }
            edited.append(line).append('\n');
        }
        return checkedEdit(original, edited.substring(0, edited.length() - 1));
    }

    /** P9's examples of the tier bonus on a MEDIUM voucher: a REGULAR customer's, and a VIP's 10 points more. */
    public static String loyaltyExamples(int percent) {
        return loyaltyExamples(String.valueOf(percent));
    }

    private static String loyaltyExamples(String percent) {
        BigDecimal regular = new BigDecimal(percent);
        BigDecimal vip = regular.add(BigDecimal.TEN);
        String original = shippedScenarios(LOYALTY_SCENARIOS);
        String edited = original
                .replaceFirst("(\\| DEFECTIVE_PRODUCT \\| CALM +\\| no +\\| REGULAR \\| MEDIUM +\\| )10      \\| 10\\.00 ",
                        "$1" + pad(regular.toPlainString(), 7) + " | " + pad(amount(regular), 5) + " ")
                .replaceFirst("(\\| DEFECTIVE_PRODUCT \\| CALM +\\| no +\\| VIP +\\| MEDIUM +\\| )20      \\| 20\\.00 ",
                        "$1" + pad(vip.toPlainString(), 7) + " | " + pad(amount(vip), 5) + " ");
        return checkedEdit(original, edited);
    }

    /** The amount of a voucher of {@code percent} % of the examples' 100.00 EUR order. */
    private static String amount(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    public static String shippedScenarios(String file) {
        return com.shopcare.complaints.scenarios.ScenarioBook.shippedTexts().get(file);
    }

    private static String pad(String cell, int width) {
        return cell.length() >= width ? cell : cell + " ".repeat(width - cell.length());
    }

    private static String checkedEdit(String original, String edited) {
        assertThat(edited).as("the edit applies").isNotEqualTo(original);
        return edited;
    }

    private static String edit(String file, String regex, String replacement) {
        String original = shipped(file);
        String edited = original.replaceFirst(regex, replacement);
        assertThat(edited).as("the edit of %s applies", file).isNotEqualTo(original);
        return edited;
    }
}
