package com.shopcare.complaints.check;

import com.shopcare.complaints.engine.PolicyFileScanner;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.scenarios.Example;
import com.shopcare.complaints.scenarios.ScenarioBook;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import org.kie.dmn.api.marshalling.DMNMarshaller;
import org.kie.dmn.backend.marshalling.v1x.DMNMarshallerFactory;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.RuleAnnotation;
import org.kie.dmn.model.api.UnaryTests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What differs between two versions of the policy, in the words a customer-service lead reads: the decision tables
 * row by row and cell by cell, and the scenario files example by example and term by term.
 */
public record PolicyChanges(List<TableChange> tables, List<ScenarioChange> scenarios) {

    /** The alignment of a scenario's examples keeps a table of this many cells; past it, they pair by position. */
    private static final long MAX_ALIGNED = 1_000_000;

    public PolicyChanges {
        tables = List.copyOf(tables);
        scenarios = List.copyOf(scenarios);
    }

    /** How a row or an example differs. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One cell (of a table row) or term (of an example) with its text before and after; null where it is absent. */
    public record Cell(String column, String before, String after) {
    }

    /** One row of a decision table that was added, removed, edited or moved; positions count from 1. */
    public record RowChange(Kind kind, String ruleId, Integer positionBefore, Integer positionAfter,
                            String annotationBefore, String annotationAfter, List<Cell> cells) {
        public RowChange {
            cells = List.copyOf(cells);
        }
    }

    /**
     * The differences of one decision table ({@code table} is its decision's name); {@code tableNotes} says in words
     * what changed for the table as a whole, and a file that cannot be shown is one entry whose table is null.
     */
    public record TableChange(String file, String table, List<String> tableNotes, List<RowChange> rows) {
        public TableChange {
            tableNotes = List.copyOf(tableNotes);
            rows = List.copyOf(rows);
        }
    }

    /** One example of a scenario file that was added, removed or edited, named by its scenario (outline). */
    public record ExampleChange(Kind kind, String scenario, Long lineBefore, Long lineAfter, List<Cell> terms) {
        public ExampleChange {
            terms = List.copyOf(terms);
        }
    }

    /** The differences of one scenario file; a file that cannot be read is one entry with the reason in its notes. */
    public record ScenarioChange(String file, List<String> notes, List<ExampleChange> examples) {
        public ScenarioChange {
            notes = List.copyOf(notes);
            examples = List.copyOf(examples);
        }
    }

    /** True when both versions decide and describe the same. */
    public boolean isEmpty() {
        return tables.isEmpty() && scenarios.isEmpty();
    }

    /**
     * Compares two versions, each given as file name to content: the {@code .dmn} tables and the {@code .feature}
     * scenario files. Never throws for a file's content: what cannot be read is reported as a change.
     */
    public static PolicyChanges between(Map<String, byte[]> tablesBefore, Map<String, byte[]> scenariosBefore,
                                        Map<String, byte[]> tablesAfter, Map<String, byte[]> scenariosAfter) {
        DMNMarshaller marshaller = DMNMarshallerFactory.newDefaultMarshaller();
        List<TableChange> tables = new ArrayList<>();
        for (String file : fileNames(tablesBefore, tablesAfter)) {
            byte[] before = tablesBefore.get(file), after = tablesAfter.get(file);
            if (!Arrays.equals(before, after)) {
                tables.addAll(compareTables(file, readTables(file, before, marshaller),
                        readTables(file, after, marshaller)));
            }
        }
        List<ScenarioChange> scenarios = new ArrayList<>();
        for (String file : fileNames(scenariosBefore, scenariosAfter)) {
            byte[] before = scenariosBefore.get(file), after = scenariosAfter.get(file);
            if (!Arrays.equals(before, after)) {
                compareScenarios(file, readScenarios(file, before), readScenarios(file, after))
                        .ifPresent(scenarios::add);
            }
        }
        return new PolicyChanges(tables, scenarios);
    }

    // Tables

    private record Row(String id, int position, String annotation, Map<String, String> cells) {
    }

    private record Table(String name, String hitPolicy, List<String> columns, List<Row> rows) {
    }

    /** The tables of one file by decision name, in file order; {@code problem} is set when it cannot be shown. */
    private record TableFile(Map<String, Table> tables, String problem) {
    }

    private static TableFile readTables(String file, byte[] content, DMNMarshaller marshaller) {
        if (content == null) {
            return new TableFile(Map.of(), null);
        }
        // KIE's marshaller reads DOCTYPEs (XStream only turns external entities off), so nothing reaches it that
        // the policy's own safety scan refuses: the scan stops at a DOCTYPE or entity without resolving it.
        List<String> unsafe = PolicyFileScanner.scan(PolicyFiles.of(Map.of(file, content)));
        if (!unsafe.isEmpty()) {
            return new TableFile(Map.of(), "cannot be shown, it is not plain DMN: " + String.join("; ", unsafe));
        }
        try {
            Definitions definitions = marshaller.unmarshal(new String(content, StandardCharsets.UTF_8));
            if (definitions == null) {
                return new TableFile(Map.of(), "cannot be read as DMN");
            }
            Map<String, Table> tables = new LinkedHashMap<>();
            for (Object element : definitions.getDrgElement()) {
                if (element instanceof Decision decision && decision.getExpression() instanceof DecisionTable table) {
                    String name = Objects.requireNonNullElse(decision.getName(), decision.getId());
                    tables.putIfAbsent(name, table(name, table));
                }
            }
            return new TableFile(tables, null);
        } catch (RuntimeException e) {
            return new TableFile(Map.of(), "cannot be read as DMN: " + e.getMessage());
        }
    }

    private static Table table(String name, DecisionTable table) {
        List<String> columns = new ArrayList<>();
        for (InputClause input : table.getInput()) {
            String expression = input.getInputExpression() == null ? null : input.getInputExpression().getText();
            columns.add(unique(columns, firstText(expression, input.getLabel(), "input " + (columns.size() + 1))));
        }
        for (OutputClause output : table.getOutput()) {
            // A table with one output often names it only by its label or the table's output label.
            columns.add(unique(columns, firstText(output.getName(), output.getLabel(), table.getOutputLabel(), name)));
        }
        int inputs = table.getInput().size();
        List<Row> rows = new ArrayList<>();
        for (DecisionRule rule : table.getRule()) {
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> inputTexts = rule.getInputEntry().stream().map(UnaryTests::getText).toList();
            List<String> outputTexts = rule.getOutputEntry().stream().map(LiteralExpression::getText).toList();
            for (int c = 0; c < columns.size(); c++) {
                List<String> texts = c < inputs ? inputTexts : outputTexts;
                int k = c < inputs ? c : c - inputs;
                String text = k < texts.size() ? texts.get(k) : null;
                cells.put(columns.get(c), text == null ? "" : text.strip());
            }
            String annotation = rule.getAnnotationEntry().stream().map(RuleAnnotation::getText)
                    .filter(text -> text != null && !text.isBlank()).map(String::strip)
                    .collect(Collectors.joining("; "));
            rows.add(new Row(blankToNull(rule.getId()), rows.size() + 1, blankToNull(annotation), cells));
        }
        String hitPolicy = table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().value();
        if (table.getAggregation() != null) {
            hitPolicy += " " + table.getAggregation().value();
        }
        return new Table(name, hitPolicy, List.copyOf(columns), rows);
    }

    private static List<TableChange> compareTables(String file, TableFile before, TableFile after) {
        if (before.problem() != null || after.problem() != null) {
            return List.of(new TableChange(file, null, problems(before.problem(), after.problem()), List.of()));
        }
        Set<String> names = new LinkedHashSet<>(after.tables().keySet());
        names.addAll(before.tables().keySet());
        List<TableChange> changes = new ArrayList<>();
        for (String name : names) {
            Table a = after.tables().get(name), b = before.tables().get(name);
            Map<String, String> renames = renames(b, a);
            List<String> notes = new ArrayList<>();
            renames.forEach((old, now) -> notes.add("the column '" + old + "' is now called '" + now + "'"));
            b = renamed(b, renames);
            notes.addAll(tableNotes(b, a));
            List<RowChange> rows = compareRows(b == null ? List.of() : b.rows(), a == null ? List.of() : a.rows());
            if (!notes.isEmpty() || !rows.isEmpty()) {
                changes.add(new TableChange(file, name, notes, rows));
            }
        }
        return changes;
    }

    /**
     * A header found on one side only, facing at the same place a header found on the other side only, is one column
     * renamed: its cells are then compared under the new name, or every row would read as edited.
     */
    private static Map<String, String> renames(Table before, Table after) {
        Map<String, String> renames = new LinkedHashMap<>();
        int shared = before == null || after == null ? 0 : Math.min(before.columns().size(), after.columns().size());
        for (int i = 0; i < shared; i++) {
            String old = before.columns().get(i), now = after.columns().get(i);
            if (!after.columns().contains(old) && !before.columns().contains(now)) {
                renames.put(old, now);
            }
        }
        return renames;
    }

    private static Table renamed(Table table, Map<String, String> names) {
        if (names.isEmpty()) {
            return table;
        }
        List<Row> rows = table.rows().stream().map(row -> {
            Map<String, String> cells = new LinkedHashMap<>();
            row.cells().forEach((column, text) -> cells.put(names.getOrDefault(column, column), text));
            return new Row(row.id(), row.position(), row.annotation(), cells);
        }).toList();
        return new Table(table.name(), table.hitPolicy(),
                table.columns().stream().map(c -> names.getOrDefault(c, c)).toList(), rows);
    }

    private static List<String> tableNotes(Table before, Table after) {
        if (before == null || after == null) {
            return List.of(before == null ? "a new table" : "the table was removed");
        }
        List<String> notes = new ArrayList<>();
        if (!before.hitPolicy().equals(after.hitPolicy())) {
            notes.add("the hit policy changed from " + before.hitPolicy() + " to " + after.hitPolicy());
        }
        after.columns().stream().filter(c -> !before.columns().contains(c))
                .forEach(c -> notes.add("a new column '" + c + "'"));
        before.columns().stream().filter(c -> !after.columns().contains(c))
                .forEach(c -> notes.add("the column '" + c + "' was removed"));
        if (!before.columns().equals(after.columns())
                && new HashSet<>(before.columns()).equals(new HashSet<>(after.columns()))) {
            notes.add("the columns were reordered: " + String.join(", ", before.columns()) + " -> "
                    + String.join(", ", after.columns()));
        }
        return notes;
    }

    /**
     * Rows are paired by rule id, then by position where neither row's id is known to the other side. A paired row
     * counts as moved only if it left the order of the other paired rows, so one inserted row does not make every
     * row below it a change.
     */
    private static List<RowChange> compareRows(List<Row> before, List<Row> after) {
        Map<String, Integer> beforeById = new HashMap<>();
        for (int i = before.size() - 1; i >= 0; i--) {
            if (before.get(i).id() != null) {
                beforeById.put(before.get(i).id(), i);
            }
        }
        Set<String> afterIds = after.stream().map(Row::id).filter(Objects::nonNull).collect(Collectors.toSet());
        int[] partner = new int[after.size()];
        boolean[] paired = new boolean[before.size()];
        Arrays.fill(partner, -1);
        for (int j = 0; j < after.size(); j++) {
            Integer i = after.get(j).id() == null ? null : beforeById.get(after.get(j).id());
            if (i != null && !paired[i]) {
                partner[j] = i;
                paired[i] = true;
            }
        }
        for (int j = 0; j < after.size() && j < before.size(); j++) {
            Row b = before.get(j);
            if (partner[j] < 0 && !paired[j] && (b.id() == null || !afterIds.contains(b.id()))) {
                partner[j] = j;
                paired[j] = true;
            }
        }
        Set<Integer> inOrder = longestIncreasing(partner);
        List<RowChange> changes = new ArrayList<>();
        int nextRemoved = 0;
        for (int j = 0; j < after.size(); j++) {
            Row a = after.get(j);
            if (partner[j] < 0) {
                changes.add(new RowChange(Kind.ADDED, a.id(), null, a.position(), null, a.annotation(),
                        cells(Map.of(), a.cells(), false)));
                continue;
            }
            if (inOrder.contains(j)) {
                // Rows removed above this one are listed before it, as a reader of both tables meets them.
                for (; nextRemoved < partner[j]; nextRemoved++) {
                    removed(before, paired, nextRemoved).ifPresent(changes::add);
                }
            }
            Row b = before.get(partner[j]);
            List<Cell> cells = cells(b.cells(), a.cells(), true);
            if (!cells.isEmpty() || !inOrder.contains(j) || !Objects.equals(b.annotation(), a.annotation())) {
                changes.add(new RowChange(Kind.CHANGED, a.id() == null ? b.id() : a.id(), b.position(), a.position(),
                        b.annotation(), a.annotation(), cells));
            }
        }
        for (; nextRemoved < before.size(); nextRemoved++) {
            removed(before, paired, nextRemoved).ifPresent(changes::add);
        }
        return changes;
    }

    private static Optional<RowChange> removed(List<Row> before, boolean[] paired, int i) {
        Row b = before.get(i);
        return paired[i] ? Optional.empty() : Optional.of(new RowChange(Kind.REMOVED, b.id(), b.position(), null,
                b.annotation(), null, cells(b.cells(), Map.of(), false)));
    }

    /** The indexes of {@code partner} (ignoring -1) whose values form a longest increasing run, in O(n log n). */
    private static Set<Integer> longestIncreasing(int[] partner) {
        // tails[k]: the index ending the run of length k + 1 with the smallest last value found so far.
        int[] tails = new int[partner.length], previous = new int[partner.length];
        int length = 0;
        for (int j = 0; j < partner.length; j++) {
            int low = 0, high = length;
            while (partner[j] >= 0 && low < high) {
                int mid = (low + high) >>> 1;
                low = partner[tails[mid]] < partner[j] ? mid + 1 : low;
                high = partner[tails[mid]] < partner[j] ? high : mid;
            }
            if (partner[j] >= 0) {
                previous[j] = low > 0 ? tails[low - 1] : -1;
                tails[low] = j;
                length = Math.max(length, low + 1);
            }
        }
        Set<Integer> run = new HashSet<>();
        for (int j = length == 0 ? -1 : tails[length - 1]; j >= 0; j = previous[j]) {
            run.add(j);
        }
        return run;
    }

    // Scenarios

    /** The examples of one file, each with its scenario's name; {@code problem} is set when it cannot be read. */
    private record ScenarioText(List<Example> examples, Map<Long, String> scenarioNames, String problem) {
    }

    private static ScenarioText readScenarios(String file, byte[] content) {
        if (content == null) {
            return new ScenarioText(List.of(), Map.of(), null);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            List<Example> examples = ScenarioBook.of(Map.of(file, text)).examples();
            return new ScenarioText(examples, scenarioNames(file, text), null);
        } catch (RuntimeException e) {
            return new ScenarioText(List.of(), Map.of(), "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The name of each scenario as written, by the line of each of its examples. The examples' own names have the
     * row's values filled in, so an edited value would rename the example; the parse tree keeps the outline's name.
     */
    private static Map<Long, String> scenarioNames(String file, String text) {
        Map<Long, String> names = new HashMap<>();
        GherkinParser.builder().includeSource(false).includePickles(false).build()
                .parse(file, text.getBytes(StandardCharsets.UTF_8))
                .map(Envelope::getGherkinDocument).flatMap(Optional::stream)
                .flatMap(document -> document.getFeature().stream())
                .flatMap(feature -> feature.getChildren().stream())
                .flatMap(child -> Stream.concat(child.getScenario().stream(), child.getRule().stream()
                        .flatMap(rule -> rule.getChildren().stream()).flatMap(c -> c.getScenario().stream())))
                .filter(scenario -> !scenario.getName().isBlank())
                .forEach(scenario -> {
                    names.put((long) scenario.getLocation().getLine(), scenario.getName().strip());
                    scenario.getExamples().stream().flatMap(examples -> examples.getTableBody().stream())
                            .forEach(row -> names.put((long) row.getLocation().getLine(), scenario.getName().strip()));
                });
        return names;
    }

    private static Optional<ScenarioChange> compareScenarios(String file, ScenarioText before, ScenarioText after) {
        if (before.problem() != null || after.problem() != null) {
            return Optional.of(new ScenarioChange(file, problems(before.problem(), after.problem()), List.of()));
        }
        Map<String, List<Example>> b = byScenario(before), a = byScenario(after);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<ExampleChange> changes = new ArrayList<>();
        for (String name : names) {
            List<Example> was = b.getOrDefault(name, List.of()), is = a.getOrDefault(name, List.of());
            for (int[] pair : align(was, is)) {
                Example old = pair[0] < 0 ? null : was.get(pair[0]), now = pair[1] < 0 ? null : is.get(pair[1]);
                List<Cell> terms = terms(old, now);
                if (!terms.isEmpty()) {
                    changes.add(new ExampleChange(old == null ? Kind.ADDED : now == null ? Kind.REMOVED : Kind.CHANGED,
                            name, old == null ? null : old.line(), now == null ? null : now.line(), terms));
                }
            }
        }
        List<String> notes = before.examples().isEmpty() ? List.of("a new scenario file")
                : after.examples().isEmpty() ? List.of("the scenario file was removed") : List.of();
        return changes.isEmpty() ? Optional.empty() : Optional.of(new ScenarioChange(file, notes, changes));
    }

    /**
     * Pairs of indexes (before, after; -1 for none) of one scenario's examples: identical examples paired in order
     * first, then the others by their position between two such pairs. So a row inserted in an Examples table is one
     * added example, not an edit of every row below it.
     */
    private static List<int[]> align(List<Example> was, List<Example> is) {
        int n = was.size(), m = is.size();
        List<int[]> pairs = new ArrayList<>();
        if ((long) n * m > MAX_ALIGNED) {
            byPosition(pairs, 0, n, 0, m);
            return pairs;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = same(was.get(i), is.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0, j = 0, gapI = 0, gapJ = 0;
        while (i < n && j < m) {
            if (same(was.get(i), is.get(j))) {
                byPosition(pairs, gapI, i, gapJ, j);
                pairs.add(new int[] {i++, j++});
                gapI = i;
                gapJ = j;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        byPosition(pairs, gapI, n, gapJ, m);
        return pairs;
    }

    private static boolean same(Example before, Example after) {
        return before.given().equals(after.given()) && before.expected().equals(after.expected());
    }

    private static void byPosition(List<int[]> pairs, int fromI, int toI, int fromJ, int toJ) {
        for (int k = 0; k < Math.max(toI - fromI, toJ - fromJ); k++) {
            pairs.add(new int[] {fromI + k < toI ? fromI + k : -1, fromJ + k < toJ ? fromJ + k : -1});
        }
    }

    private static Map<String, List<Example>> byScenario(ScenarioText text) {
        Map<String, List<Example>> examples = new LinkedHashMap<>();
        for (Example example : text.examples()) {
            String name = text.scenarioNames().getOrDefault(example.line(), example.scenario());
            examples.computeIfAbsent(name, n -> new ArrayList<>()).add(example);
        }
        return examples;
    }

    /** The given terms, then the expected ones: for an edit only those that differ, else all of them. */
    private static List<Cell> terms(Example before, Example after) {
        boolean edit = before != null && after != null;
        List<Cell> terms = new ArrayList<>(cells(before == null ? Map.of() : before.given(),
                after == null ? Map.of() : after.given(), edit));
        terms.addAll(cells(before == null ? Map.of() : before.expected(),
                after == null ? Map.of() : after.expected(), edit));
        return terms;
    }

    // Shared

    /** One cell per column of either side, in the new side's order; with {@code onlyDiffering}, the edited ones. */
    private static List<Cell> cells(Map<String, String> before, Map<String, String> after, boolean onlyDiffering) {
        Set<String> columns = new LinkedHashSet<>(after.keySet());
        columns.addAll(before.keySet());
        List<Cell> cells = new ArrayList<>();
        for (String column : columns) {
            String b = before.get(column), a = after.get(column);
            if (!onlyDiffering || !Objects.equals(b, a)) {
                cells.add(new Cell(column, b, a));
            }
        }
        return cells;
    }

    private static List<String> problems(String before, String after) {
        return Stream.of(before == null ? null : "the earlier version " + before,
                after == null ? null : "the new version " + after).filter(Objects::nonNull).toList();
    }

    private static Set<String> fileNames(Map<String, byte[]> before, Map<String, byte[]> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return names;
    }

    private static String firstText(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(String::strip).findFirst().orElse("");
    }

    /** Two columns with the same header stay apart, or one would hide the other's edits. */
    private static String unique(List<String> columns, String column) {
        String name = column;
        for (int n = 2; columns.contains(name); n++) {
            name = column + " (" + n + ")";
        }
        return name;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
