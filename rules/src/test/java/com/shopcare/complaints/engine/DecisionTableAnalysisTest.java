package com.shopcare.complaints.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PolicyAnalysis}, the KIE validation and decision-table analysis the draft check shows: schema, model, gaps,
 * overlaps, masked and subsumed rows. Hit policies are chosen so that what the analysis calls an error is a real
 * defect: single-hit tables (UNIQUE, PRIORITY) must cover every input and never conflict; the tables that build lists
 * collect every row that holds.
 */
class DecisionTableAnalysisTest {

    private static final List<String> MODEL_FILES = Stream.of(PolicyModel.values()).map(PolicyModel::fileName).toList();

    /** The analysis takes over a second: the shipped tables are analysed once for the tests about them. */
    private static PolicyAnalysis.Result shipped;

    @BeforeAll
    static void analyseShippedTables() {
        shipped = PolicyAnalysis.analyse(PolicyFiles.shipped());
    }

    @Test
    void shippedTablesHaveNoErrorFinding() {
        assertThat(shipped.structure()).filteredOn(PolicyFinding::isError).isEmpty();
        assertThat(shipped.tables()).filteredOn(PolicyFinding::isError).isEmpty();
    }

    @Test
    void shippedTablesHaveNoGapOverlapMaskedOrSubsumedRowEvenAsAWarning() {
        // Style hints are not findings; any table finding left, error or warning, is a row a reader must look at.
        assertThat(shipped.tables()).isEmpty();
    }

    @Test
    void overlappingRowsOfAUniqueTableAreAnErrorNamingTheFileTheKindAndTheRows() {
        EditedTables.EditedTable broken = EditedTables.overlappingDissatisfactionLevels();

        PolicyAnalysis.Result analysis = PolicyAnalysis.analyse(PolicyFiles.of(Map.of(broken.fileName(), broken.bytes())));

        assertThat(analysis.tables()).filteredOn(PolicyFinding::isError).anySatisfy(finding -> {
            assertThat(finding.file()).isEqualTo("Dissatisfaction.dmn");
            assertThat(finding.kind()).isEqualTo("DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE");
            assertThat(finding.message()).contains("[ 50 ]").contains("rules: [2, 3]");
        });
    }

    @Test
    void everyFileIsAnalysedAndItsFindingsNameIt() {
        // The same defective table under each model's name: an error for every name shows that no file is skipped
        // and that each finding names the file it is about.
        byte[] broken = EditedTables.overlappingDissatisfactionLevels().bytes();
        Map<String, byte[]> files = new TreeMap<>();
        MODEL_FILES.forEach(file -> files.put(file, broken));

        PolicyAnalysis.Result analysis = PolicyAnalysis.analyse(PolicyFiles.of(files));

        assertThat(analysis.tables()).filteredOn(PolicyFinding::isError).extracting(PolicyFinding::file)
                .containsAll(MODEL_FILES);
    }
}
