package com.shopcare.complaints.check;

import com.shopcare.complaints.engine.PolicyFiles;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** Edits a customer-service lead might make to the shipped tables, good and bad. */
public final class Drafts {

    public static final String COMPENSATION = "Compensation.dmn";
    public static final String DISSATISFACTION = "Dissatisfaction.dmn";

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

    private static String edit(String file, String regex, String replacement) {
        String original = shipped(file);
        String edited = original.replaceFirst(regex, replacement);
        assertThat(edited).as("the edit of %s applies", file).isNotEqualTo(original);
        return edited;
    }
}
