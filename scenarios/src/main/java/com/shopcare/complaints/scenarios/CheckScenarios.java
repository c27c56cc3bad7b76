package com.shopcare.complaints.scenarios;

import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyException;
import com.shopcare.complaints.engine.PolicyFiles;

import java.nio.file.Path;

/**
 * Command line: checks a policy folder (or the shipped tables) against a scenario folder (or the shipped files)
 * and prints the report; the exit code is 0 only when every example passes.
 *
 * <pre>java -cp ... com.shopcare.complaints.scenarios.CheckScenarios [--policy DIR] [--scenarios DIR]</pre>
 */
public final class CheckScenarios {

    private CheckScenarios() {
    }

    public static void main(String[] args) {
        Path policyFolder = null;
        Path scenarioFolder = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--policy" -> policyFolder = Path.of(value(args, ++i, "--policy"));
                case "--scenarios" -> scenarioFolder = Path.of(value(args, ++i, "--scenarios"));
                default -> exit(2, "unknown argument " + args[i] + "; use [--policy DIR] [--scenarios DIR]");
            }
        }
        try {
            Policy policy = new PolicyCompiler().compile(
                    policyFolder == null ? PolicyFiles.shipped() : PolicyFiles.fromFolder(policyFolder));
            ScenarioBook book = scenarioFolder == null ? ScenarioBook.shipped() : ScenarioBook.fromFolder(scenarioFolder);
            ScenarioReport report = new ScenarioRunner(policy).run(book);
            exit(report.passed() ? 0 : 1, report.describe());
        } catch (PolicyException | ScenarioFileException e) {
            exit(2, e.getMessage());
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            exit(2, option + " needs a folder");
        }
        return args[index];
    }

    private static void exit(int code, String message) {
        (code == 0 ? System.out : System.err).println(message);
        System.exit(code);
    }
}
