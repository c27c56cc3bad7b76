package com.shopcare.complaints.engine;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidator.Validation;
import org.kie.dmn.validation.DMNValidatorFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What KIE's validator says about a set of policy files: schema and model errors (the structure of each file), and
 * the decision-table analysis (gaps, overlaps, masked and subsumed rows, each message naming the rows). Each
 * finding carries the file and, where the engine knows them, the element and the line.
 * <p>
 * Only for files {@link PolicyFileScanner} has passed: the validator parses the XML and compiles FEEL.
 */
public final class PolicyAnalysis {

    /**
     * The analysis hints that are style, not defects, under the hit policies the tables use on purpose: "misleading"
     * rows of a PRIORITY table, rows that could be contracted, normal-form hints of COLLECT tables, and the schema
     * hint about the output type of single-output tables. Shown to nobody: 70 of them on the shipped tables would
     * bury the findings that matter. Errors are always shown, whatever their kind.
     */
    private static final Set<DMNMessageType> STYLE_HINTS = Set.of(
            DMNMessageType.DECISION_TABLE_MISLEADING_RULE,
            DMNMessageType.DECISION_TABLE_CONTRACTION_RULE,
            DMNMessageType.DECISION_TABLE_1STNFVIOLATION,
            DMNMessageType.DECISION_TABLE_2NDNFVIOLATION,
            DMNMessageType.ILLEGAL_USE_OF_TYPEREF);

    /** How the compiler and the scanner start a problem: the file, and the line where they know it. */
    private static final Pattern LOCATED = Pattern.compile("([^\\s:,]+\\.dmn)(?:, line (\\d+))?: (.*)", Pattern.DOTALL);

    /** The findings of one analysis, split as the check report shows them. */
    public record Result(List<PolicyFinding> structure, List<PolicyFinding> tables) {
    }

    private PolicyAnalysis() {
    }

    public static Result analyse(PolicyFiles files) {
        List<PolicyFinding> structure = new ArrayList<>();
        List<PolicyFinding> tables = new ArrayList<>();
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
                List<DMNMessage> messages;
                try {
                    messages = validator
                            .validateUsing(Validation.VALIDATE_SCHEMA, Validation.VALIDATE_MODEL, Validation.ANALYZE_DECISION_TABLE)
                            .theseModels(PolicyCompiler.resource(file.getKey(), file.getValue()));
                } catch (RuntimeException e) {
                    // KIE's validator throws instead of reporting for some models, such as one importing another.
                    structure.add(unreadable(file.getKey(), e));
                    continue;
                }
                for (DMNMessage message : messages) {
                    if (message.getSeverity() == DMNMessage.Severity.INFO || message.getSeverity() == DMNMessage.Severity.TRACE
                            || message.getSeverity() == DMNMessage.Severity.WARN && STYLE_HINTS.contains(message.getMessageType())) {
                        continue;
                    }
                    PolicyFinding finding = finding(file.getKey(), message);
                    (finding.kind().startsWith("DECISION_TABLE") ? tables : structure).add(finding);
                }
            }
        } finally {
            validator.dispose();
        }
        return new Result(List.copyOf(structure), List.copyOf(tables));
    }

    private static PolicyFinding unreadable(String file, RuntimeException e) {
        String message = PolicyCompiler.unreadable(e);
        return PolicyFinding.error(file, message.startsWith(PolicyCompiler.IMPORTS) ? "IMPORT" : "VALIDATION", message);
    }

    /** Turns problems of the form {@code "File.dmn[, line N]: what is wrong"} into findings of the given kind. */
    public static List<PolicyFinding> findings(List<String> problems, String kind) {
        return problems.stream().map(problem -> {
            Matcher located = LOCATED.matcher(problem);
            if (!located.matches()) {
                return PolicyFinding.error(null, kind, problem);
            }
            Integer line = located.group(2) == null ? null : Integer.valueOf(located.group(2));
            return new PolicyFinding(PolicyFinding.Severity.ERROR, located.group(1), null, line, kind, located.group(3));
        }).toList();
    }

    private static PolicyFinding finding(String file, DMNMessage message) {
        PolicyFinding.Severity severity = message.getSeverity() == DMNMessage.Severity.ERROR
                ? PolicyFinding.Severity.ERROR : PolicyFinding.Severity.WARNING;
        Integer line = message.getLine() > 0 ? Integer.valueOf(message.getLine()) : null;
        if (line == null && message.getSourceReference() instanceof DMNModelInstrumentedBase element
                && element.getLocation() != null && element.getLocation().getLineNumber() > 0) {
            line = element.getLocation().getLineNumber();
        }
        return new PolicyFinding(severity, file, message.getSourceId(), line, message.getMessageType().name(),
                message.getText());
    }
}
