package com.shopcare.complaints.engine;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiling is slow (seconds), so the test classes share one compiler and one compiled shipped policy, and build
 * edited policies the way a business user would produce them: the shipped files with one file changed.
 */
final class TestPolicies {

    private static PolicyCompiler compiler;
    private static Policy shipped;

    private TestPolicies() {
    }

    static synchronized PolicyCompiler compiler() {
        if (compiler == null) {
            compiler = new PolicyCompiler();
        }
        return compiler;
    }

    /** The shipped policy, compiled once for all test classes. */
    static synchronized Policy shipped() {
        if (shipped == null) {
            shipped = compiler().compile(PolicyFiles.shipped());
        }
        return shipped;
    }

    /** The shipped files with one file's text changed by the given edit. */
    static PolicyFiles shippedWithEdit(String fileName, UnaryOperator<String> edit) {
        PolicyFiles files = PolicyFiles.shipped();
        String text = new String(files.files().get(fileName), StandardCharsets.UTF_8);
        String edited = edit.apply(text);
        if (edited.equals(text)) {
            throw new IllegalStateException("the edit changed nothing in " + fileName + "; the shipped file has changed");
        }
        return files.with(fileName, edited.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the one match of the pattern in the text; fails loudly when the shipped file no longer matches. */
    static String replaceOnce(String text, String regex, String replacement) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no match for " + regex);
        }
        if (matcher.find()) {
            throw new IllegalStateException("more than one match for " + regex);
        }
        return matcher.replaceFirst(replacement);
    }

    /** Removes the table row (DMN rule) with the given id. */
    static String removeRow(String text, String ruleId) {
        return replaceOnce(text, "<rule id=\"" + Pattern.quote(ruleId) + "\">.*?</rule>\\s*", "");
    }
}
