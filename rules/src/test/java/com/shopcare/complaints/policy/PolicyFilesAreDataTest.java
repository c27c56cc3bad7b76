package com.shopcare.complaints.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A DMN file from a business user is data: every sample in src/test/resources/malicious/ is refused before the
 * engine reads it, with the file and the construct named, and this JVM is still running afterwards (two of the
 * samples would call System.exit). Behind the scan, evaluation cannot reach dangerous classes either.
 */
class PolicyFilesAreDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            feel-external-system-exit.dmn   | Actions.dmn, line 10: a FEEL external function
            feel-external-get-property.dmn  | Actions.dmn, line 10: a FEEL external function
            java-function-system-exit.dmn   | Actions.dmn, line 6: a Java external function (encapsulatedLogic kind="Java")
            java-function-get-property.dmn  | Actions.dmn, line 6: a Java external function (encapsulatedLogic kind="Java")
            xxe-read-passwd.dmn             | Actions.dmn, line 2: a DOCTYPE declaration is not allowed
            billion-laughs.dmn              | Actions.dmn, line 13: a DOCTYPE declaration is not allowed
            foreign-import.dmn              | Actions.dmn, line 5: an import of 'https://elsewhere.example/dmn/Tools' is not allowed
            not-xml.dmn                     | Actions.dmn, line 1: is not well-formed XML
            html-not-dmn.dmn                | Actions.dmn: is not a DMN file
            """)
    void maliciousOrForeignFileIsRefusedNamingTheFileAndTheConstruct(String sample, String expectedProblem) {
        PolicyFiles files = PolicyFiles.shipped().with("Actions.dmn", sample(sample));

        assertThatThrownBy(() -> TestPolicies.compiler().compile(files))
                .isInstanceOfSatisfying(PolicyException.class, refused -> assertThat(refused.problems())
                        .anySatisfy(problem -> assertThat(problem).startsWith(expectedProblem)));
        assertThat(Runtime.getRuntime().availableProcessors()).as("still running").isPositive();
    }

    @Test
    void shippedTablesPassTheScan() {
        assertThat(PolicyFileScanner.scan(PolicyFiles.shipped())).isEmpty();
    }

    @Test
    void wordExternalInProseOrInAStringIsNotAFunction() {
        String model = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="_A" name="A" namespace="urn:a">
                  <description>Complaints from an external marketplace {see P7}</description>
                  <decision id="_d" name="d">
                    <literalExpression id="_l"><text>"external {" + "x"</text></literalExpression>
                  </decision>
                </definitions>
                """;

        assertThat(PolicyFileScanner.scan("A.dmn", model.getBytes(), java.util.Set.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"feel-external-get-property.dmn", "java-function-get-property.dmn"})
    void evaluationCannotReachSystemEvenPastTheScan(String sample) {
        DMNRuntime runtime = PolicyCompiler.buildRuntime(PolicyFiles.of(Map.of("Leak.dmn", sample(sample))));
        DMNModel model = runtime.getModel("https://shopcare.example/dmn/Leak", "Leak");
        DMNContext context = runtime.newContext();

        DMNResult result = runtime.evaluateAll(model, context);

        assertThat(String.valueOf(result.getDecisionResultByName("leak").getResult()))
                .doesNotContain(System.getProperty("user.home"));
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void classLoaderRefusesWhatAPolicyHasNoBusinessWith() {
        assertThat(PolicyClassLoader.isRefused("java.lang.System")).isTrue();
        assertThat(PolicyClassLoader.isRefused("java.lang.Runtime")).isTrue();
        assertThat(PolicyClassLoader.isRefused("java.lang.ProcessBuilder$Redirect")).isTrue();
        assertThat(PolicyClassLoader.isRefused("java.io.File")).isTrue();
        assertThat(PolicyClassLoader.isRefused("java.nio.file.Files")).isTrue();
        assertThat(PolicyClassLoader.isRefused("java.lang.reflect.Method")).isTrue();
        assertThat(PolicyClassLoader.isRefused("com.shopcare.complaints.policy.PolicyCompiler")).isTrue();
        assertThat(PolicyClassLoader.isRefused("java.lang.Math")).isFalse();
        assertThat(PolicyClassLoader.isRefused("java.math.BigDecimal")).isFalse();
        assertThat(PolicyClassLoader.isRefused("org.kie.dmn.feel.runtime.functions.SumFunction")).isFalse();
    }

    private static byte[] sample(String name) {
        try (InputStream in = PolicyFilesAreDataTest.class.getResourceAsStream("/malicious/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
