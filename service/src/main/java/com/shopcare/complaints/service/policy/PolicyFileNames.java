package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.api.model.FieldError;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.service.system.InvalidRequestException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a file of a policy may be called, wherever a name comes from a client (an upload's file name, a download's
 * path): a table ({@code Compensation.dmn}) or a scenario file ({@code P4-remedies-per-issue-type.feature}), never a
 * path. The stores check names again before any becomes a path of theirs.
 */
final class PolicyFileNames {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}\\.dmn");
    private static final Pattern PATH_LIKE = Pattern.compile(".*(?:[/\\\\\\x00-\\x1f\\x7f]|\\.\\.).*", Pattern.DOTALL);

    private PolicyFileNames() {
    }

    /** True for a table's or a scenario file's name, which is never a path. */
    static boolean isFileName(String name) {
        return problem(name).isEmpty();
    }

    /** Why the name is no file name of a policy, in words; empty when it is one. */
    static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("a file needs its name, such as Compensation.dmn");
        }
        String shown = "'" + name.replaceAll("[\\x00-\\x1f\\x7f]", "?") + "'";
        if (PATH_LIKE.matcher(name).matches()) {
            return Optional.of(shown + " is a path; a file name is a plain name such as Compensation.dmn or"
                    + " P1-proportional-compensation.feature, without /, \\, .. or control characters");
        }
        if (PolicyFiles.isScenario(name)) {
            return ScenarioBook.FILE_NAME.matcher(name).matches() ? Optional.empty() : Optional.of(shown
                    + " is not a scenario file name: it starts with its policy and has lower-case words joined by"
                    + " hyphens, such as P4-remedies-per-issue-type.feature");
        }
        return TABLE.matcher(name).matches() ? Optional.empty() : Optional.of(shown
                + " is neither a table (such as Compensation.dmn) nor a scenario file (such as"
                + " P4-remedies-per-issue-type.feature)");
    }

    /** A 400 naming the path parameter {@code fileName} when the name is no file name of a policy. */
    static void check(String fileName) {
        problem(fileName).ifPresent(problem -> {
            throw new InvalidRequestException(List.of(new FieldError("fileName", problem)));
        });
    }
}
