package com.shopcare.complaints.check;

import com.shopcare.complaints.engine.PolicyFinding;
import com.shopcare.complaints.scenarios.ExampleResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything a check found about a draft, section by section. A section that could not run (the files are unsafe,
 * or they do not compile) is null, and {@link #notChecked()} says why. A draft may be published only when
 * {@link #errors()} is empty.
 * <p>
 * Failing scenario examples are errors: the scenario files travel with the tables in the draft, so a deliberate
 * change of a value (a 10 % voucher made 12 %) is published together with the examples updated to say so. Until
 * they are, each failing example names its file, line, and the expected and actual values.
 *
 * @param structure    schema, model and compilation findings
 * @param analysis     decision-table analysis: gaps, overlaps, masked and subsumed rows
 * @param safety       constructs that would make a file code instead of data
 * @param invariants   invariants 2-5 over the generated sample
 * @param scenarios    the examples of the draft's scenario files that its tables do not decide as written
 * @param sampleImpact what changes over the generated sample
 * @param pastImpact   what changes over the uploaded past complaints, or null when none were given
 * @param notChecked   the sections that did not run, and why
 */
public record CheckReport(List<PolicyFinding> structure, List<PolicyFinding> analysis, List<PolicyFinding> safety,
                          PolicyInvariants.Result invariants, Scenarios scenarios, DecisionImpact.Result sampleImpact,
                          DecisionImpact.Result pastImpact, List<String> notChecked) {

    /** How many examples ran and the ones that failed, each with expected and actual values. */
    public record Scenarios(int examples, List<ExampleResult> failures) {
    }

    /** Every reason the draft cannot be published, one line each; empty when it can. */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        Stream.of(safety, structure, analysis).flatMap(List::stream).filter(PolicyFinding::isError)
                .map(PolicyFinding::toString).forEach(errors::add);
        notChecked.forEach(reason -> errors.add("not checked: " + reason));
        if (invariants != null) {
            invariants.violations().forEach(violation -> errors.add("invariant " + violation.invariant() + ": "
                    + violation.finding()));
        }
        if (scenarios != null) {
            scenarios.failures().forEach(failure -> errors.add("scenario " + failure.example().where() + ": "
                    + (failure.problem() != null ? failure.problem()
                    : failure.mismatches().stream().map(Object::toString).collect(Collectors.joining("; ")))));
        }
        return errors;
    }

    public List<PolicyFinding> warnings() {
        return Stream.of(safety, structure, analysis).flatMap(List::stream).filter(finding -> !finding.isError()).toList();
    }

    public boolean passed() {
        return errors().isEmpty();
    }

    /** The report as text, for the command line. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(passed() ? "PASSED" : "FAILED").append(": ").append(errors().size()).append(" error(s), ")
                .append(warnings().size()).append(" warning(s)\n");
        section(text, "1. Structure", structure);
        section(text, "2. Decision tables", analysis);
        section(text, "3. Safety", safety);
        notChecked.forEach(reason -> text.append("\nNot checked: ").append(reason).append('\n'));
        if (invariants != null) {
            text.append("\n4. Invariants 2-5: ").append(invariants.decisions()).append(" decisions, ")
                    .append(invariants.violations().isEmpty() ? "all hold" : invariants.violations().size() + " broken")
                    .append('\n');
            invariants.violations().forEach(v -> text.append("   ").append(v).append('\n'));
        }
        if (scenarios != null) {
            text.append("\n5. Scenarios: ").append(scenarios.examples()).append(" examples, ")
                    .append(scenarios.failures().size()).append(" decide differently from their files")
                    .append(scenarios.failures().isEmpty() ? "" : " (if the change is meant, update them in the draft)")
                    .append('\n');
            scenarios.failures().forEach(f -> text.append("   ").append(f.describe().replace("\n", "\n   ")).append('\n'));
        }
        if (sampleImpact != null) {
            impact(text, "6. Impact over the generated sample", sampleImpact);
        }
        if (pastImpact != null) {
            impact(text, "6. Impact over the past complaints", pastImpact);
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<PolicyFinding> findings) {
        text.append('\n').append(title).append(": ").append(findings.isEmpty() ? "ok" : findings.size() + " finding(s)")
                .append('\n');
        findings.forEach(finding -> text.append("   ").append(finding).append('\n'));
    }

    private static void impact(StringBuilder text, String title, DecisionImpact.Result impact) {
        text.append('\n').append(title).append(": ").append(impact.changed()).append(" of ").append(impact.complaints())
                .append(" decisions change\n");
        impact.byField().forEach((field, count) -> {
            if (count > 0) {
                text.append("   ").append(field).append(": ").append(count).append('\n');
            }
        });
        text.append("   money offered (recommended options), before -> after:\n");
        impact.money().stream().filter(money -> money.difference().signum() != 0).forEach(money -> text.append("   ").append(money.currency()).append(' ').append(money.optionType())
                .append(": ").append(money.before().toPlainString()).append(" -> ").append(money.after().toPlainString())
                .append(" (").append(money.difference().signum() >= 0 ? "+" : "").append(money.difference().toPlainString())
                .append(")\n"));
        if (impact.money().stream().allMatch(money -> money.difference().signum() == 0)) {
            text.append("   no change in any currency\n");
        } else {
            text.append("   every other currency and option type: no change\n");
        }
        impact.examples().forEach(change -> text.append("   changed: ").append(change.complaint())
                .append("\n      before: ").append(change.before()).append("\n      after:  ").append(change.after())
                .append('\n'));
    }
}
