package com.shopcare.complaints.scenarios;

import com.shopcare.complaints.engine.PolicyFiles;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTableCell;
import io.cucumber.messages.types.PickleTableRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenario files of a policy, read with the official Gherkin parser.
 *
 * <p>A file is a Gherkin feature whose name starts with the policy it is about ({@code Feature: P4 Remedies ...}).
 * Its steps carry two-column tables of business terms:
 * {@code Given a complaint:} (usually in the Background) sets the terms every example shares,
 * {@code When the complaint has:} sets the example's own, and {@code Then the decision has:} lists what the
 * decision must be. Scenario Outlines fill those tables from their Examples rows; each row is one example.
 */
public final class ScenarioBook {

    /** Where the scenario files shipped with the code live on the class path. */
    public static final String CLASSPATH_FOLDER = "scenarios/";

    public static final String FILE_SUFFIX = ".feature";

    private static final Pattern POLICY_NAME = Pattern.compile("(P\\d+)\\s+(.+)");

    private final List<ScenarioFile> files;

    private ScenarioBook(List<ScenarioFile> files) {
        this.files = List.copyOf(files);
    }

    /**
     * How a scenario file is named: the policy it is about, then words of its title, such as
     * {@code P4-remedies-per-issue-type.feature}. A name is never a path.
     */
    public static final Pattern FILE_NAME = Pattern.compile("(P\\d{1,3})-[a-z0-9]+(?:-[a-z0-9]+){0,15}\\.feature");

    /** The scenario files shipped with this release. */
    public static ScenarioBook shipped() {
        return of(shippedTexts());
    }

    /** The shipped scenario files as they are, by name: the seed of a new store, and of versions that have none. */
    public static Map<String, String> shippedTexts() {
        return Shipped.TEXTS;
    }

    /** The policy a scenario file's name says it is about ({@code P4}), or empty when it is no scenario file name. */
    public static Optional<String> policyOfName(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Read from the class path once, when first asked for: they never change while the JVM runs. */
    private static final class Shipped {
        static final Map<String, String> TEXTS = read();
    }

    private static Map<String, String> read() {
        Map<String, String> texts = new TreeMap<>();
        ClassLoader loader = ScenarioBook.class.getClassLoader();
        for (String name : shippedNames(loader)) {
            try (InputStream in = loader.getResourceAsStream(CLASSPATH_FOLDER + name)) {
                if (in == null) {
                    throw new ScenarioFileException(name + ": listed but not readable from the class path");
                }
                texts.put(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return java.util.Collections.unmodifiableMap(texts);
    }

    /** Every {@code .feature} file of a folder, for example a working copy a business user edits. */
    public static ScenarioBook fromFolder(Path folder) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(FILE_SUFFIX)).toList()) {
                texts.put(path.getFileName().toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new ScenarioFileException("cannot read the scenario folder " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return of(texts);
    }

    /** The scenario files of a policy version. */
    public static ScenarioBook of(PolicyFiles files) {
        Map<String, String> texts = new TreeMap<>();
        files.scenarios().forEach((name, content) -> texts.put(name, new String(content, StandardCharsets.UTF_8)));
        return of(texts);
    }

    /**
     * The files with the shipped scenario files when they have none: a version published before scenario files
     * travelled with the tables is held to the examples of the release that reads it.
     */
    public static PolicyFiles withShippedScenariosIfNone(PolicyFiles files) {
        if (!files.scenarios().isEmpty()) {
            return files;
        }
        Map<String, byte[]> shipped = new TreeMap<>();
        shippedTexts().forEach((name, text) -> shipped.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return files.withAll(shipped);
    }

    /** Scenario files given as text, by file name. */
    public static ScenarioBook of(Map<String, String> texts) {
        List<ScenarioFile> files = new ArrayList<>();
        new TreeMap<>(texts).forEach((name, text) -> files.add(parse(name, text)));
        return new ScenarioBook(files);
    }

    public List<ScenarioFile> files() {
        return files;
    }

    public List<Example> examples() {
        return files.stream().flatMap(f -> f.examples().stream()).toList();
    }

    private static ScenarioFile parse(String name, String text) {
        GherkinParser parser = GherkinParser.builder().includeSource(false).build();
        List<Envelope> envelopes = parser.parse(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
        for (Envelope envelope : envelopes) {
            envelope.getParseError().ifPresent(error -> {
                long line = error.getSource().getLocation().map(l -> (long) l.getLine()).orElse(0L);
                // The parser's message starts with its own "(line:column): "; the file and line are said once, first.
                String message = error.getMessage().replaceFirst("^\\(\\d+:\\d+\\):\\s*", "");
                throw new ScenarioFileException(name, line, message);
            });
        }
        Feature feature = envelopes.stream().map(Envelope::getGherkinDocument).flatMap(Optional::stream)
                .map(d -> d.getFeature()).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new ScenarioFileException(name, 0, "no Feature line"));
        Matcher policyName = POLICY_NAME.matcher(feature.getName().trim());
        if (!policyName.matches()) {
            throw new ScenarioFileException(name, feature.getLocation().getLine(),
                    "the Feature line must start with the policy it is about, such as 'Feature: P4 Remedies per issue type'");
        }
        String policyId = policyName.group(1);
        List<Example> examples = envelopes.stream().map(Envelope::getPickle).flatMap(Optional::stream)
                .map(pickle -> example(name, policyId, pickle)).toList();
        if (examples.isEmpty()) {
            throw new ScenarioFileException(name, 0, "no scenarios");
        }
        return new ScenarioFile(name, policyId, policyName.group(2).trim(), examples);
    }

    private static Example example(String file, String policyId, Pickle pickle) {
        long line = pickle.getLocation().map(l -> (long) l.getLine()).orElse(0L);
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (PickleStep step : pickle.getSteps()) {
            String text = step.getText().trim().toLowerCase(Locale.ROOT).replaceAll(":$", "").trim();
            Map<String, String> target = switch (text) {
                case "a complaint", "the complaint has" -> given;
                case "the decision has" -> expected;
                default -> throw new ScenarioFileException(file, line, "unknown step '" + step.getText()
                        + "'; use 'Given a complaint:', 'When the complaint has:' or 'Then the decision has:'");
            };
            List<PickleTableRow> rows = step.getArgument().flatMap(a -> a.getDataTable())
                    .map(t -> t.getRows()).orElseThrow(() -> new ScenarioFileException(file, line,
                            "the step '" + step.getText() + "' needs a table of terms and values"));
            for (PickleTableRow row : rows) {
                List<String> cells = row.getCells().stream().map(PickleTableCell::getValue).map(String::trim).toList();
                if (cells.size() != 2) {
                    throw new ScenarioFileException(file, line, "the table of '" + step.getText()
                            + "' must have two columns, a term and its value; found " + cells);
                }
                target.put(Terms.normalise(cells.get(0)), cells.get(1));
            }
        }
        if (expected.isEmpty()) {
            throw new ScenarioFileException(file, line, "'" + pickle.getName() + "' expects nothing; add 'Then the decision has:'");
        }
        return new Example(policyId, file, line, pickle.getName(), given, expected);
    }

    private static List<String> shippedNames(ClassLoader loader) {
        URL folder = loader.getResource(CLASSPATH_FOLDER);
        if (folder == null) {
            throw new ScenarioFileException("no scenario files on the class path under " + CLASSPATH_FOLDER);
        }
        try {
            if ("jar".equals(folder.getProtocol())) {
                // Also covers a Spring Boot fat jar: its nested-jar URLs open as JarURLConnections too.
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(CLASSPATH_FOLDER) && n.endsWith(FILE_SUFFIX))
                            .map(n -> n.substring(CLASSPATH_FOLDER.length()))
                            .filter(n -> !n.contains("/")).sorted().toList();
                }
            }
            try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
                return paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(FILE_SUFFIX)).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new ScenarioFileException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
