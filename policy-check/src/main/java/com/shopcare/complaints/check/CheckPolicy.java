package com.shopcare.complaints.check;

import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyException;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.scenarios.ScenarioFileException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The service's draft check on the command line, for a team that keeps its tables in Git: the DMN and scenario files
 * of a folder (and of {@code --scenarios DIR}) replace the same files of the baseline (the shipped tables and scenario
 * files, or {@code --baseline DIR}), and the result is checked
 * exactly as {@code POST /v1/policy/drafts} checks it. Exit code 0 when the draft may be published, 1 when the report
 * has errors, 2 when the command itself is wrong.
 *
 * <pre>policy-check/check-policy.sh DIR [--baseline DIR] [--past FILE.csv] [--scenarios DIR] [--sample N]</pre>
 * {@code --sample} sets how many generated complaints are decided (default {@value PolicyCheck#SAMPLE_SIZE}, as the
 * service does): fewer for a quick look, the default before a publish.
 */
public final class CheckPolicy {

    private CheckPolicy() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path draftFolder = null;
        Path baselineFolder = null;
        Path past = null;
        Path scenarioFolder = null;
        int sampleSize = PolicyCheck.SAMPLE_SIZE;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.startsWith("--") && i + 1 >= args.length) {
                err.println(option + " needs a value");
                return 2;
            }
            switch (option) {
                case "--baseline" -> baselineFolder = Path.of(args[++i]);
                case "--past" -> past = Path.of(args[++i]);
                case "--scenarios" -> scenarioFolder = Path.of(args[++i]);
                case "--sample" -> {
                    String value = args[++i];
                    try {
                        sampleSize = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        sampleSize = 0;
                    }
                    if (sampleSize < 1) {
                        err.println("--sample needs a whole number of complaints, at least 1; got " + value);
                        return 2;
                    }
                }
                default -> {
                    if (option.startsWith("--") || draftFolder != null) {
                        err.println("unknown argument " + option
                                + "; use DIR [--baseline DIR] [--past FILE.csv] [--scenarios DIR] [--sample N]");
                        return 2;
                    }
                    draftFolder = Path.of(option);
                }
            }
        }
        if (draftFolder == null || !Files.isDirectory(draftFolder)) {
            err.println("give a folder of DMN files to check" + (draftFolder == null ? "" : "; " + draftFolder + " is not one"));
            return 2;
        }
        try {
            PolicyCompiler compiler = new PolicyCompiler();
            PolicyFiles baselineFiles = baselineFolder == null ? PolicyFiles.shipped() : PolicyFiles.fromFolder(baselineFolder);
            Policy baseline = compiler.compile(baselineFiles);
            Map<String, byte[]> files = new TreeMap<>(ScenarioBook.withShippedScenariosIfNone(baselineFiles).all());
            files.putAll(dmnFiles(draftFolder));
            files.putAll(scenarioFiles(draftFolder));
            if (scenarioFolder != null) {
                files.putAll(scenarioFiles(scenarioFolder));
            }
            CheckReport report = new PolicyCheck(compiler, sampleSize, PolicyCheck.DEFAULT_BUDGET)
                    .check(PolicyFiles.of(files), baseline, past == null ? null : PastComplaints.parse(Files.readAllBytes(past)))
                    .report();
            out.println("Policy check of " + draftFolder + " against "
                    + (baselineFolder == null ? "the shipped tables" : baselineFolder.toString()));
            out.print(report.describe());
            return report.passed() ? 0 : 1;
        } catch (PolicyException | ScenarioFileException | PastComplaints.InvalidCsvException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, byte[]> dmnFiles(Path folder) throws IOException {
        return filesEnding(folder, ".dmn");
    }

    private static Map<String, byte[]> scenarioFiles(Path folder) throws IOException {
        return filesEnding(folder, PolicyFiles.SCENARIO_SUFFIX);
    }

    private static Map<String, byte[]> filesEnding(Path folder, String suffix) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(path -> path.getFileName().toString().endsWith(suffix)).toList()) {
                try {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }
}
