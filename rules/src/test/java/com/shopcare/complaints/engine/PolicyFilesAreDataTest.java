package com.shopcare.complaints.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A DMN file from outside is data, never code. Each sample in src/test/resources/malicious/ is a shipped model with
 * one malicious part added, put in the place of that model; it is refused before KIE reads it, naming the file, the
 * line and the construct. Two samples would call System.exit: the tests finishing shows they never ran.
 */
class PolicyFilesAreDataTest {

    private static final String FEEL_ONLY = "policy files may only use FEEL";

    @Test
    void feelExternalFunctionCallingSystemExitIsRejected() {
        assertThat(refusal("Compensation.dmn", "feel-external-system-exit.dmn")).containsExactly(
                "Compensation.dmn, line 624: an external function (function(...) external {...}) is not allowed:"
                        + " it calls Java code, and " + FEEL_ONLY);
    }

    @Test
    void javaExternalFunctionCallingSystemExitIsRejected() {
        assertThat(refusal("Compensation.dmn", "java-function-system-exit.dmn")).containsExactly(
                "Compensation.dmn, line 623: a Java external function (functionDefinition kind=\"Java\") is not allowed: "
                        + FEEL_ONLY);
    }

    @Test
    void feelExternalFunctionReadingASystemPropertyIsRejected() {
        assertThat(refusal("Actions.dmn", "feel-external-get-property.dmn")).containsExactly(
                "Actions.dmn, line 619: an external function (function(...) external {...}) is not allowed:"
                        + " it calls Java code, and " + FEEL_ONLY);
    }

    @Test
    void javaBusinessKnowledgeModelReadingASystemPropertyIsRejected() {
        assertThat(refusal("Actions.dmn", "java-function-get-property.dmn")).containsExactly(
                "Actions.dmn, line 611: a Java external function (encapsulatedLogic kind=\"Java\") is not allowed: "
                        + FEEL_ONLY);
    }

    @Test
    void externalEntityReadingEtcPasswdIsRejected() {
        assertThat(refusal("Remedies.dmn", "xxe-read-passwd.dmn")).containsExactly(
                "Remedies.dmn, line 3: a DOCTYPE declaration is not allowed: its entities can read files on the server"
                        + " or exhaust its memory");
    }

    @Test
    void billionLaughsIsRejectedWithoutExpandingTheEntities() {
        // Expanded, the entities would take gigabytes and minutes; refused unread, they take milliseconds.
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> refusal("Dissatisfaction.dmn", "billion-laughs.dmn"));

        assertThat(problems).containsExactly("Dissatisfaction.dmn, line 3: a DOCTYPE declaration is not allowed:"
                + " its entities can read files on the server or exhaust its memory");
    }

    @Test
    void importOfAModelFromOutsideThePolicyIsRejected() {
        assertThat(refusal("Escalation.dmn", "foreign-import.dmn")).containsExactly(
                "Escalation.dmn, line 5: an import of 'https://elsewhere.example/dmn/Tools' is not allowed:"
                        + " a policy file may only import the DMN models of this policy");
    }

    @Test
    void fileThatIsNotXmlIsRejectedWithAMessageNotAStackTrace() {
        assertThat(refusal("ResponseTimes.dmn", "not-xml.dmn")).singleElement().asString()
                .startsWith("ResponseTimes.dmn, line 1: is not well-formed XML (")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void xmlFileThatIsNotDmnIsRejected() {
        assertThat(refusal("Actions.dmn", "html-not-dmn.dmn")).containsExactly(
                "Actions.dmn: is not a DMN file: its first element is <html>, not DMN's <definitions>");
    }

    @Test
    void shippedPolicyFilesPassTheScan() {
        assertThat(PolicyFileScanner.scan(PolicyFiles.shipped())).isEmpty();
    }

    @Test
    void wordExternalInADescriptionAnAnnotationOrAStringIsNotAFunction() {
        PolicyFiles files = TestPolicies.shippedWithEdit("Escalation.dmn", text -> TestPolicies.replaceOnce(
                TestPolicies.replaceOnce(text,
                        "(<description>P5: )", "$1Complaints raised through an external {marketplace} partner count too. "),
                "(<text>The customer threatens legal action)", "$1 (an external {counsel} may be involved)"));

        assertThat(PolicyFileScanner.scan(files)).isEmpty();
        assertThat(scan("""
                <literalExpression><text>"function(x) external {java: ...}" + "external {"</text></literalExpression>
                """)).isEmpty();
    }

    @Test
    void externalFunctionIsFoundWhateverItsBodyAndSpacing() {
        assertThat(scan("<literalExpression><text>function(x) external /* a note */ {java: {}}</text></literalExpression>"))
                .singleElement().asString().contains("an external function");
        assertThat(scan("<literalExpression><text>function(x) external\u00A0{java: {}}</text></literalExpression>"))
                .singleElement().asString().contains("an external function");
        assertThat(scan("<literalExpression><text>function(x)\n  // the body is bound elsewhere\n  EXTERNAL cfg</text></literalExpression>"))
                .singleElement().asString().startsWith("Test.dmn, line 4: an external function");
    }

    @Test
    void functionDefinitionOfAnyKindButFeelIsRejectedWhateverTheCase() {
        assertThat(scan("<functionDefinition kind=\"PMML\"/>")).singleElement().asString()
                .isEqualTo("Test.dmn, line 2: a PMML external function (functionDefinition kind=\"PMML\") is not allowed: "
                        + FEEL_ONLY);
        assertThat(scan("<functionDefinition kind=\"java\"/>")).singleElement().asString()
                .contains("(functionDefinition kind=\"java\") is not allowed");
        assertThat(scan("<functionDefinition kind=\"FEEL\"/><functionDefinition kind=\"feel\"/><functionDefinition/>"))
                .isEmpty();
    }

    @Test
    void importsAreAllowedOnlyOfThePolicysOwnDmnModels() {
        String dmn = "https://www.omg.org/spec/DMN/20230324/MODEL/";
        assertThat(scan("<import namespace=\"" + PolicyModel.ACTIONS.namespace() + "\" name=\"a\" importType=\"" + dmn + "\"/>"))
                .isEmpty();
        assertThat(scan("<import namespace=\"" + PolicyModel.ACTIONS.namespace() + "\" name=\"a\""
                + " importType=\"http://www.dmg.org/PMML4_2\"/>")).singleElement().asString()
                .contains("an import of type 'http://www.dmg.org/PMML4_2' is not allowed");
    }

    @Test
    void entityUsedWithoutADoctypeIsRejected() {
        PolicyFiles files = TestPolicies.shippedWithEdit("Remedies.dmn",
                text -> text.replace("and the return window.</description>", "and the return window. &passwd;</description>"));

        assertThat(PolicyFileScanner.scan(files)).singleElement().asString()
                .startsWith("Remedies.dmn, line 3: an XML entity (&passwd;) is not allowed");
    }

    @Test
    void classLoaderOfTheDmnRuntimeExposesNoClass() {
        ClassLoader loader = new PolicyClassLoader();

        for (String refused : List.of("java.lang.System", "java.lang.Runtime", "java.lang.ProcessBuilder",
                "java.lang.Thread", "java.lang.ClassLoader", "java.lang.reflect.Method", "java.lang.invoke.MethodHandles",
                "java.io.File", "java.nio.file.Files", "java.net.URL", "java.lang.Math",
                "org.kie.memorycompiler.KieMemoryCompiler", PolicyCompiler.class.getName())) {
            assertThatThrownBy(() -> Class.forName(refused, true, loader)).as(refused)
                    .isInstanceOf(ClassNotFoundException.class)
                    .hasMessageContaining("is not available to policy files");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"feel-external-system-exit.dmn", "feel-external-get-property.dmn"})
    void feelExternalFunctionPastTheScanFailsInsteadOfCallingJava(String sample) {
        // Behind the scan: compiled without it, the model compiles (FEEL resolves the class only when evaluated),
        // and evaluating it fails because the runtime's class loader has no java.lang.System to give.
        String model = sample.contains("exit") ? "Compensation.dmn" : "Actions.dmn";
        Policy policy = TestPolicies.compiler().compileUnscanned(PolicyFiles.shipped().with(model, sample(sample)));

        assertThatThrownBy(() -> policy.decide(Complaints.documentedExample().build()))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageStartingWith(model)
                .hasMessageContaining("java.lang.System is not available to policy files");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java-function-system-exit.dmn", "java-function-get-property.dmn"})
    void javaFunctionDefinitionPastTheScanDoesNotCompile(String sample) {
        // A function definition of kind Java is resolved when the model is compiled: the model has an error.
        String model = sample.contains("exit") ? "Compensation.dmn" : "Actions.dmn";

        PolicyException refused = catchThrowableOfType(PolicyException.class, () -> TestPolicies.compiler()
                .compileUnscanned(PolicyFiles.shipped().with(model, sample(sample))));

        assertThat(refused).as("refused when compiled").isNotNull();
        assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem).startsWith(model + ": "))
                .anySatisfy(problem -> assertThat(problem).contains("java.lang.System is not available to policy files"));
    }

    /** The problems of the shipped policy with one model replaced by a sample, as the compiler reports them. */
    private static List<String> refusal(String model, String sample) {
        PolicyFiles files = PolicyFiles.shipped().with(model, sample(sample));

        PolicyException refused = catchThrowableOfType(PolicyException.class, () -> TestPolicies.compiler().compile(files));

        assertThat(refused).as("refused").isNotNull();
        return refused.problems();
    }

    /** Scans a small model whose body, from line 2 on, is the given XML. */
    private static List<String> scan(String body) {
        String model = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20230324/MODEL/\" namespace=\"urn:test\">\n"
                + body + "\n</definitions>";
        return PolicyFileScanner.scan("Test.dmn", model.getBytes(StandardCharsets.UTF_8),
                Set.of(PolicyModel.ACTIONS.namespace()));
    }

    private static byte[] sample(String name) {
        try (InputStream in = PolicyFilesAreDataTest.class.getResourceAsStream("/malicious/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
