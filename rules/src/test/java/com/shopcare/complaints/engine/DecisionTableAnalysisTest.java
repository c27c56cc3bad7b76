package com.shopcare.complaints.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidator.Validation;
import org.kie.dmn.validation.DMNValidatorFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KIE decision-table analysis over the shipped tables: schema, model, gaps, overlaps, masked and subsumed rows.
 * Hit policies are chosen so that what the analysis calls an error is a real defect: single-hit tables (UNIQUE,
 * PRIORITY) must cover every input and never conflict; the tables that build lists collect every row that holds.
 */
class DecisionTableAnalysisTest {

    /** Findings that mean a table can fail or mislead at run time, whatever severity the analysis gives them. */
    private static final Set<DMNMessageType> DEFECTS = Set.of(
            DMNMessageType.DECISION_TABLE_ANALYSIS_ERROR,
            DMNMessageType.DECISION_TABLE_GAP,
            DMNMessageType.DECISION_TABLE_OVERLAP,
            DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE,
            DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_ANY,
            DMNMessageType.DECISION_TABLE_MASKED_RULE,
            DMNMessageType.DECISION_TABLE_SUBSUMPTION_RULE,
            DMNMessageType.DECISION_TABLE_HITPOLICY_RECOMMENDER);

    private static DMNValidator validator;

    @BeforeAll
    static void createValidator() {
        validator = DMNValidatorFactory.newValidator();
    }

    @AfterAll
    static void disposeValidator() {
        validator.dispose();
    }

    @Test
    void shippedTablesHaveNoAnalysisErrors() {
        List<Finding> findings = analyse(PolicyFiles.shipped().files());

        assertThat(findings).extracting(Finding::file).as("every file was analysed")
                .containsAll(Stream.of(PolicyModel.values()).map(PolicyModel::fileName).toList());
        assertThat(findings).filteredOn(finding -> finding.message().getSeverity() == DMNMessage.Severity.ERROR)
                .isEmpty();
    }

    @Test
    void shippedTablesAreAllAnalysedAndHaveNoGapsOverlapsOrMaskedRows() {
        List<Finding> findings = analyse(PolicyFiles.shipped().files());

        assertThat(findings).filteredOn(finding -> DEFECTS.contains(finding.message().getMessageType())).isEmpty();
    }

    @Test
    void anOverlappingRowInAUniqueTableIsReportedAsAnError() throws IOException {
        List<Finding> findings = analyse(Map.of("Dissatisfaction.dmn", testResource("broken/Dissatisfaction.dmn")));

        assertThat(findings)
                .filteredOn(finding -> finding.message().getSeverity() == DMNMessage.Severity.ERROR)
                .anySatisfy(finding -> {
                    assertThat(finding.message().getMessageType())
                            .isEqualTo(DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE);
                    assertThat(finding.message().getText()).contains("[ 50 ]").contains("rules: [2, 3]");
                });
    }

    /** One analysis message and the file it is about. */
    private record Finding(String file, DMNMessage message) {
        @Override
        public String toString() {
            return file + ": " + message.getSeverity() + " " + message.getMessageType() + " " + message.getText();
        }
    }

    private static List<Finding> analyse(Map<String, byte[]> files) {
        List<Finding> findings = new ArrayList<>();
        files.forEach((file, content) -> validator
                .validateUsing(Validation.VALIDATE_SCHEMA, Validation.VALIDATE_MODEL, Validation.ANALYZE_DECISION_TABLE)
                .theseModels(PolicyCompiler.resource(file, content))
                .forEach(message -> findings.add(new Finding(file, message))));
        return findings;
    }

    private static byte[] testResource(String path) throws IOException {
        try (InputStream in = DecisionTableAnalysisTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
