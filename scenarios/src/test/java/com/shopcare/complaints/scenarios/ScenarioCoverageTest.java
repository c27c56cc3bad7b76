package com.shopcare.complaints.scenarios;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the link between the policy document and the scenario files: each policy has exactly one file, and back. */
class ScenarioCoverageTest {

    private static final Path POLICY_DOCUMENT = Path.of("..", "docs", "policy", "COMPLAINT-POLICY.md");
    private static final Pattern POLICY_HEADING = Pattern.compile("^## (P\\d+) (.+?)(?: \\(.*\\))?$", Pattern.MULTILINE);

    private final ScenarioBook book = ScenarioBook.shipped();

    @Test
    void everyPolicyHasAScenarioFile() throws IOException {
        assertThat(book.files().stream().map(ScenarioFile::policyId))
                .containsAll(policies().keySet());
    }

    @Test
    void everyScenarioFileNamesAPolicyThatExists() throws IOException {
        Map<String, String> policies = policies();
        assertThat(book.files()).allSatisfy(file -> {
            assertThat(policies).as(file.name() + " names " + file.policyId()).containsKey(file.policyId());
            assertThat(file.title()).as(file.name()).isEqualTo(policies.get(file.policyId()));
            assertThat(file.name()).startsWith(file.policyId() + "-");
        });
    }

    @Test
    void noPolicyHasTwoScenarioFiles() {
        Map<String, Long> filesPerPolicy = book.files().stream()
                .collect(Collectors.groupingBy(ScenarioFile::policyId, Collectors.counting()));
        assertThat(filesPerPolicy).allSatisfy((policy, count) -> assertThat(count).as(policy).isEqualTo(1L));
    }

    @Test
    void thePolicyDocumentNamesTenPolicies() throws IOException {
        // If the headings change shape, the two guards above would compare against nothing; this catches that.
        assertThat(policies()).hasSize(10).containsKeys("P1", "P10");
    }

    private static Map<String, String> policies() throws IOException {
        Matcher matcher = POLICY_HEADING.matcher(Files.readString(POLICY_DOCUMENT));
        Map<String, String> policies = new LinkedHashMap<>();
        while (matcher.find()) {
            policies.put(matcher.group(1), matcher.group(2).trim());
        }
        return policies;
    }
}
