package com.shopcare.complaints.check;

import com.shopcare.complaints.check.PolicyChanges.Cell;
import com.shopcare.complaints.check.PolicyChanges.ExampleChange;
import com.shopcare.complaints.check.PolicyChanges.Kind;
import com.shopcare.complaints.check.PolicyChanges.RowChange;
import com.shopcare.complaints.check.PolicyChanges.ScenarioChange;
import com.shopcare.complaints.check.PolicyChanges.TableChange;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.scenarios.ScenarioFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link PolicyChanges} tells a lead about edits of the shipped tables and scenario files, each edit made on
 * the shipped bytes by string replacement.
 */
class PolicyChangesTest {

    private static final Map<String, byte[]> TABLES = PolicyFiles.shipped().files();
    private static final Map<String, byte[]> SCENARIOS = shippedScenarios();

    private static final String COMPENSATION = "Compensation.dmn";
    private static final String LOYALTY = "P9-loyalty.feature";
    /** The MEDIUM-level VOUCHER row of the goodwill options, found by what it says rather than by its id. */
    private static final Matcher MEDIUM_VOUCHER = Pattern.compile(
            "(?s)\\s*<rule id=\"([^\"]+)\">(?:(?!</rule>).)*?<text>&quot;MEDIUM&quot;</text>(?:(?!</rule>).)*?"
                    + "<text>&quot;VOUCHER&quot;</text>(?:(?!</rule>).)*?</rule>").matcher(text(TABLES, COMPENSATION));
    private static final String ROW;
    private static final String ROW_ID;

    static {
        assertThat(MEDIUM_VOUCHER.find()).as("the shipped Compensation.dmn has a MEDIUM VOUCHER row").isTrue();
        ROW = MEDIUM_VOUCHER.group();
        ROW_ID = MEDIUM_VOUCHER.group(1);
    }

    @Test
    void theShippedTablesAndScenariosComparedWithThemselvesShowNoChange() {
        PolicyChanges changes = PolicyChanges.between(TABLES, SCENARIOS, copy(TABLES), copy(SCENARIOS));

        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.tables()).isEmpty();
        assertThat(changes.scenarios()).isEmpty();
    }

    @Test
    void filesSavedAgainWithOtherLayoutButTheSameContentShowNoChange() {
        PolicyChanges changes = PolicyChanges.between(TABLES, SCENARIOS,
                with(TABLES, COMPENSATION, text(TABLES, COMPENSATION).replace("\n", "\r\n") + "\n<!-- saved -->\n"),
                with(SCENARIOS, LOYALTY, text(SCENARIOS, LOYALTY) + "\n  # a comment at the end\n"));

        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void theMediumVoucherFromTenToTwelvePercentIsOneChangedRowWithOnlyThatCell() {
        PolicyChanges changes = tablesAfter(editedRow(ROW.replace("<text>10</text>", "<text>12</text>")));

        assertThat(changes.scenarios()).isEmpty();
        assertThat(changes.tables()).singleElement().satisfies(table -> {
            assertThat(table.file()).isEqualTo(COMPENSATION);
            assertThat(table.table()).isEqualTo("Goodwill Options");
            assertThat(table.tableNotes()).isEmpty();
            assertThat(table.rows()).containsExactly(new RowChange(Kind.CHANGED, ROW_ID, 3, 3,
                    "MEDIUM dissatisfaction: a voucher of 10 % of the order value",
                    "MEDIUM dissatisfaction: a voucher of 10 % of the order value",
                    List.of(new Cell("percent", "10", "12"))));
        });
    }

    @Test
    void anEditedAnnotationAloneIsAChangedRowWithoutCells() {
        PolicyChanges changes = tablesAfter(editedRow(ROW.replace("a voucher of 10 %", "a voucher worth 10 %")));

        RowChange row = onlyRow(changes);
        assertThat(row.kind()).isEqualTo(Kind.CHANGED);
        assertThat(row.annotationBefore()).isEqualTo("MEDIUM dissatisfaction: a voucher of 10 % of the order value");
        assertThat(row.annotationAfter()).isEqualTo("MEDIUM dissatisfaction: a voucher worth 10 % of the order value");
        assertThat(row.cells()).isEmpty();
    }

    @Test
    void aNewRowIsAddedWithEveryCellAndTheRowsBelowItAreNotReported() {
        String copy = ROW.replace("id=\"" + ROW_ID + "\"", "id=\"_new_row\"")
                .replaceAll("id=\"(_Compensation_[eo]_\\d+)\"", "id=\"$1_copy\"")
                .replace("<text>10</text>", "<text>7</text>").replace("a voucher of 10 %", "a voucher of 7 %");
        PolicyChanges changes = tablesAfter(editedRow(ROW + copy));

        RowChange row = onlyRow(changes);
        assertThat(row.kind()).isEqualTo(Kind.ADDED);
        assertThat(row.ruleId()).isEqualTo("_new_row");
        assertThat(row.positionBefore()).isNull();
        assertThat(row.positionAfter()).isEqualTo(4);
        assertThat(row.annotationAfter()).isEqualTo("MEDIUM dissatisfaction: a voucher of 7 % of the order value");
        assertThat(row.cells()).extracting(Cell::column).containsExactly(
                "Goodwill Level", "Responsibility", "Tier", "Shipping Cost", "type", "base", "percent", "description");
        assertThat(row.cells()).allSatisfy(cell -> assertThat(cell.before()).isNull());
        assertThat(row.cells()).contains(new Cell("percent", null, "7"), new Cell("type", null, "\"VOUCHER\""),
                new Cell("Shipping Cost", null, "-"));
    }

    @Test
    void aDeletedRowIsRemovedWithEveryCell() {
        RowChange row = onlyRow(tablesAfter(editedRow("")));

        assertThat(row.kind()).isEqualTo(Kind.REMOVED);
        assertThat(row.ruleId()).isEqualTo(ROW_ID);
        assertThat(row.positionBefore()).isEqualTo(3);
        assertThat(row.positionAfter()).isNull();
        assertThat(row.annotationBefore()).isEqualTo("MEDIUM dissatisfaction: a voucher of 10 % of the order value");
        assertThat(row.cells()).hasSize(8).allSatisfy(cell -> assertThat(cell.after()).isNull())
                .contains(new Cell("percent", "10", null), new Cell("Goodwill Level", "\"MEDIUM\"", null));
    }

    @Test
    void aRowMovedToTheEndIsOneChangedRowWithBothPositionsAndNoCells() {
        String text = text(TABLES, COMPENSATION);
        int tableEnd = text.indexOf("</decisionTable>", text.indexOf(ROW));
        String moved = text.substring(0, tableEnd).replace(ROW, "") + ROW.strip() + "\n    " + text.substring(tableEnd);

        RowChange row = onlyRow(tablesAfter(moved));

        assertThat(row.kind()).isEqualTo(Kind.CHANGED);
        assertThat(row.ruleId()).isEqualTo(ROW_ID);
        assertThat(row.positionBefore()).isEqualTo(3);
        assertThat(row.positionAfter()).isGreaterThan(3);
        assertThat(row.cells()).isEmpty();
    }

    @Test
    void aRowWhoseIdChangedIsMatchedByItsPosition() {
        String renumbered = ROW.replace("id=\"" + ROW_ID + "\"", "id=\"_renumbered\"")
                .replace("<text>10</text>", "<text>12</text>");

        RowChange row = onlyRow(tablesAfter(editedRow(renumbered)));

        assertThat(row.kind()).isEqualTo(Kind.CHANGED);
        assertThat(row.ruleId()).isEqualTo("_renumbered");
        assertThat(row.positionBefore()).isEqualTo(3);
        assertThat(row.positionAfter()).isEqualTo(3);
        assertThat(row.cells()).containsExactly(new Cell("percent", "10", "12"));
    }

    @Test
    void aNewHitPolicyAndARenamedColumnAreTableNotesNotRowEdits() {
        String text = text(TABLES, COMPENSATION).replace("hitPolicy=\"PRIORITY\"", "hitPolicy=\"FIRST\"")
                .replace("label=\"percent\" name=\"percent\"", "label=\"percentage\" name=\"percentage\"");

        PolicyChanges changes = tablesAfter(text);

        assertThat(changes.tables()).extracting(TableChange::table)
                .containsExactly("Goodwill Level", "Goodwill Options");
        assertThat(changes.tables().get(0).tableNotes())
                .containsExactly("the hit policy changed from PRIORITY to FIRST");
        assertThat(changes.tables().get(1).tableNotes())
                .containsExactly("the column 'percent' is now called 'percentage'");
        assertThat(changes.tables()).allSatisfy(table -> assertThat(table.rows()).isEmpty());
    }

    @Test
    void aRemovedTableFileListsEveryRowAsRemoved() {
        Map<String, byte[]> after = new TreeMap<>(TABLES);
        after.remove("ResponseTimes.dmn");

        PolicyChanges changes = PolicyChanges.between(TABLES, SCENARIOS, after, SCENARIOS);

        assertThat(changes.tables()).isNotEmpty().allSatisfy(table -> {
            assertThat(table.file()).isEqualTo("ResponseTimes.dmn");
            assertThat(table.tableNotes()).containsExactly("the table was removed");
            assertThat(table.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.kind()).isEqualTo(Kind.REMOVED));
        });
    }

    @Test
    void aTableFileThatIsNotXmlIsReportedInPlainWordsInsteadOfThrowing() {
        TableChange change = onlyTable(tablesAfter("this is a spreadsheet, not a table"));

        assertThat(change.table()).isNull();
        assertThat(change.rows()).isEmpty();
        assertThat(change.tableNotes()).singleElement().asString()
                .startsWith("the new version cannot be shown").contains(COMPENSATION);
    }

    @Test
    void aTableWithAnExternalEntityIsReportedWithoutResolvingTheEntity(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "THE-SECRET-CONTENT");
        String hostile = text(TABLES, COMPENSATION)
                .replaceFirst("\\?>", "?>\n<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>")
                .replace("a voucher of 10 %", "&secret;");

        PolicyChanges changes = tablesAfter(hostile);

        TableChange change = onlyTable(changes);
        assertThat(change.table()).isNull();
        assertThat(change.tableNotes()).singleElement().asString().contains("DOCTYPE");
        assertThat(changes.toString()).doesNotContain("THE-SECRET-CONTENT");
    }

    // The shipped P1 file has no example of the MEDIUM voucher; P9's tier-bonus outline has it (REGULAR, 10 %).
    @Test
    void theMediumVoucherExampleFromTenToTwelveIsThatExampleChangedWithTheTermBeforeAndAfter() {
        String row = "| DEFECTIVE_PRODUCT | CALM    | no     | REGULAR | MEDIUM   | 10      | 10.00          |";
        String text = text(SCENARIOS, LOYALTY);
        assertThat(text).containsOnlyOnce(row);
        long line = text.substring(0, text.indexOf(row)).chars().filter(c -> c == '\n').count() + 1;

        PolicyChanges changes = PolicyChanges.between(TABLES, SCENARIOS, TABLES,
                with(SCENARIOS, LOYALTY, text.replace(row, row.replace("| 10      |", "| 12      |"))));

        assertThat(changes.tables()).isEmpty();
        assertThat(changes.scenarios()).containsExactly(new ScenarioChange(LOYALTY, List.of(),
                List.of(new ExampleChange(Kind.CHANGED, "the tier bonus is added to every percentage option",
                        line, line, List.of(new Cell("voucher percent", "10", "12"))))));
    }

    @Test
    void aNewExamplesRowIsAnAddedExampleWithAllItsTerms() {
        String row = "| DEFECTIVE_PRODUCT | CALM    | no     | VIP     | MEDIUM   | 20      | 20.00          "
                + "| not offered |";
        String text = text(SCENARIOS, LOYALTY);

        PolicyChanges changes = PolicyChanges.between(TABLES, SCENARIOS, TABLES,
                with(SCENARIOS, LOYALTY, text.replace(row, row + "\n      " + row.replace("VIP    ", "LOYAL  ")
                        .replace("20      | 20.00", "15      | 15.00"))));

        ExampleChange example = changes.scenarios().get(0).examples().get(0);
        assertThat(changes.scenarios()).singleElement().extracting(ScenarioChange::examples).asList().hasSize(1);
        assertThat(example.kind()).isEqualTo(Kind.ADDED);
        assertThat(example.lineBefore()).isNull();
        assertThat(example.terms()).allSatisfy(term -> assertThat(term.before()).isNull())
                .contains(new Cell("tier", null, "LOYAL"), new Cell("voucher percent", null, "15"),
                        new Cell("order value", null, "100.00"));
    }

    @Test
    void aFeatureFileThatDoesNotParseIsOneEntryWithTheParsersMessage() {
        String broken = text(SCENARIOS, LOYALTY) + "\nFeature: P9 a second feature in the same file\n";

        PolicyChanges changes = PolicyChanges.between(TABLES, SCENARIOS, TABLES, with(SCENARIOS, LOYALTY, broken));

        assertThat(changes.scenarios()).singleElement().satisfies(change -> {
            assertThat(change.file()).isEqualTo(LOYALTY);
            assertThat(change.examples()).isEmpty();
            assertThat(change.notes()).singleElement().asString()
                    .startsWith("the new version cannot be read").contains(LOYALTY + ":");
        });
    }

    // Helpers

    private static PolicyChanges tablesAfter(String compensation) {
        return PolicyChanges.between(TABLES, SCENARIOS, with(TABLES, COMPENSATION, compensation), SCENARIOS);
    }

    private static String editedRow(String replacement) {
        String text = text(TABLES, COMPENSATION);
        assertThat(text).containsOnlyOnce(ROW);
        return text.replace(ROW, replacement);
    }

    private static TableChange onlyTable(PolicyChanges changes) {
        assertThat(changes.scenarios()).isEmpty();
        assertThat(changes.tables()).hasSize(1);
        return changes.tables().get(0);
    }

    private static RowChange onlyRow(PolicyChanges changes) {
        TableChange table = onlyTable(changes);
        assertThat(table.table()).isEqualTo("Goodwill Options");
        assertThat(table.tableNotes()).isEmpty();
        assertThat(table.rows()).hasSize(1);
        return table.rows().get(0);
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> with(Map<String, byte[]> files, String name, String text) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.put(name, text.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private static Map<String, byte[]> copy(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, content) -> copy.put(name, content.clone()));
        return copy;
    }

    private static Map<String, byte[]> shippedScenarios() {
        Map<String, byte[]> files = new TreeMap<>();
        for (ScenarioFile file : ScenarioBook.shipped().files()) {
            try (InputStream in = ScenarioBook.class.getClassLoader()
                    .getResourceAsStream(ScenarioBook.CLASSPATH_FOLDER + file.name())) {
                files.put(file.name(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
