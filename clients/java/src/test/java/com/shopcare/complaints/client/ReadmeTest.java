package com.shopcare.complaints.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's code is the code a test runs against the real service, so that the README cannot drift. */
class ReadmeTest {

    @Test
    void readmeShowsExactlyTheLinesTheDecisionTestRuns() throws IOException {
        List<String> test = Files.readAllLines(
                Path.of("src/test/java/com/shopcare/complaints/client/ClientAgainstRunningServiceTest.java"));
        List<String> tested = unindented(between(test, "// README begin", "// README end"));

        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<String> shown = between(readme, "```java", "```");

        assertThat(shown).isNotEmpty().isEqualTo(tested);
    }

    /** The lines after the first line containing {@code start} up to the next one containing {@code end}. */
    private static List<String> between(List<String> lines, String start, String end) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && lines.get(i).contains(start)) {
                from = i + 1;
            } else if (from >= 0 && lines.get(i).contains(end)) {
                return lines.subList(from, i);
            }
        }
        throw new AssertionError("no lines between '" + start + "' and '" + end + "'");
    }

    private static List<String> unindented(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
    }
}
