package com.shopcare.complaints.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a table's author may write and what is refused for its cost, one expression at a time. */
class FeelLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "35",
            "if Delay Days > 10 then 20 else 10",
            // Intervals and membership tests do not iterate, however wide.
            "[0..1000000000]",
            "Public Reach in [1..1000000000]",
            "count(for i in 1..1000 return i)",
            "some option in Remedy Options satisfies option.type = \"VOUCHER\"",
            "matches(Issue Type, \"^[A-Z_]+$\")",
            "replace(Issue Type, \"_\", \" \")",
            // The words inside a string are not code.
            "\"for i in 1..100000000 return a function(x)\""})
    void withinTheLimits(String feel) {
        assertThat(problems(feel)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "count(for i in 1..1001 return i)",
            "count(for i in 1..100000000 return i)",
            "for a in 1..100, b in 1..100 return a",
            "every i in 0..99999999999999999999999 satisfies i > 0",
            "count(for i in 1..Public Reach return i)",
            "{f: function(n) f(n), r: f(1)}.r",
            "matches(Issue Type, \"(a+)+$\")",
            "matches(Issue Type, \"(a|ab)*c\")",
            "replace(Issue Type, \"(x*){2,}\", \"\")",
            "matches(Issue Type, \"(a)\\\\1\")",
            "matches(Issue Type, Issue Type)",
            "split(Issue Type, delimiter: \"(_+)+\")"})
    void beyondTheLimits(String feel) {
        assertThat(problems(feel)).as(feel).isNotEmpty();
    }

    private static java.util.List<String> problems(String feel) {
        return FeelLimits.problems(feel, PolicyFileScanner.withoutStringsAndComments(feel));
    }
}
