package com.shopcare.complaints.engine;

import com.shopcare.complaints.engine.EditedTables.EditedTable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A DMN file from outside is data, never code. Each sample ({@link EditedTables}) is a shipped model with one
 * malicious part added, put in the place of that model; it is refused before KIE reads it, naming the file, the line
 * of the malicious part and the construct. Two samples would call System.exit: the tests finishing shows they never
 * ran.
 */
class PolicyFilesAreDataTest {

    private static final String FEEL_ONLY = "policy files may only use FEEL";

    /** A spreadsheet export saved under a model's name. */
    private static final String NOT_XML = """
            Escalation Path,firstResponseMinutes,resolutionHours,updateEveryDays
            STANDARD,240,72,3
            SENIOR_AGENT,30,48,2
            """;

    /** Well-formed XML that is not DMN. */
    private static final String HTML = "<html><body><p>Not a decision model.</p></body></html>\n";

    @Test
    void feelExternalFunctionCallingSystemExitIsRejected() {
        EditedTable sample = EditedTables.feelExternalFunctionCallingSystemExit();

        assertThat(refusal(sample.inShippedPolicy())).containsExactly(
                "Compensation.dmn, line " + sample.lineOf("function(code) external") + ": an external function"
                        + " (function(...) external {...}) is not allowed: it calls Java code, and " + FEEL_ONLY);
    }

    @Test
    void javaExternalFunctionCallingSystemExitIsRejected() {
        EditedTable sample = EditedTables.javaFunctionCallingSystemExit();

        assertThat(refusal(sample.inShippedPolicy())).containsExactly(
                "Compensation.dmn, line " + sample.lineOf("<functionDefinition ") + ": a Java external function"
                        + " (functionDefinition kind=\"Java\") is not allowed: " + FEEL_ONLY);
    }

    @Test
    void feelExternalFunctionReadingASystemPropertyIsRejected() {
        EditedTable sample = EditedTables.feelExternalFunctionReadingASystemProperty();

        assertThat(refusal(sample.inShippedPolicy())).containsExactly(
                "Actions.dmn, line " + sample.lineOf("function(name) external") + ": an external function"
                        + " (function(...) external {...}) is not allowed: it calls Java code, and " + FEEL_ONLY);
    }

    @Test
    void javaBusinessKnowledgeModelReadingASystemPropertyIsRejected() {
        EditedTable sample = EditedTables.javaBusinessKnowledgeModelReadingASystemProperty();

        assertThat(refusal(sample.inShippedPolicy())).containsExactly(
                "Actions.dmn, line " + sample.lineOf("<encapsulatedLogic ") + ": a Java external function"
                        + " (encapsulatedLogic kind=\"Java\") is not allowed: " + FEEL_ONLY);
    }

    @Test
    void externalEntityReadingEtcPasswdIsRejected() {
        EditedTable sample = EditedTables.externalEntityReadingEtcPasswd();

        assertThat(refusal(sample.inShippedPolicy())).containsExactly(
                "Remedies.dmn, line " + sample.lineOf("<!DOCTYPE") + ": a DOCTYPE declaration is not allowed:"
                        + " its entities can read files on the server or exhaust its memory");
    }

    @Test
    void billionLaughsIsRejectedWithoutExpandingTheEntities() {
        EditedTable sample = EditedTables.billionLaughs();

        // Expanded, the entities would take gigabytes and minutes; refused unread, they take milliseconds.
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> refusal(sample.inShippedPolicy()));

        assertThat(problems).containsExactly("Dissatisfaction.dmn, line " + sample.lineOf("<!DOCTYPE")
                + ": a DOCTYPE declaration is not allowed: its entities can read files on the server or exhaust its memory");
    }

    @Test
    void importOfAModelFromOutsideThePolicyIsRejected() {
        EditedTable sample = EditedTables.foreignImport();

        assertThat(refusal(sample.inShippedPolicy())).containsExactly(
                "Escalation.dmn, line " + sample.lineOf("<import ") + ": an import of"
                        + " 'https://elsewhere.example/dmn/Tools' is not allowed:"
                        + " a policy file may only import the DMN models of this policy");
    }

    @Test
    void fileThatIsNotXmlIsRejectedWithAMessageNotAStackTrace() {
        assertThat(refusal(PolicyFiles.shipped().with("ResponseTimes.dmn", bytes(NOT_XML)))).singleElement().asString()
                .startsWith("ResponseTimes.dmn, line 1: is not well-formed XML (")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void xmlFileThatIsNotDmnIsRejected() {
        assertThat(refusal(PolicyFiles.shipped().with("Actions.dmn", bytes(HTML)))).containsExactly(
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
    void functionDefinitionOfAnyKindIsRejectedWhateverTheCase() {
        assertThat(scan("<functionDefinition kind=\"PMML\"/>")).singleElement().asString()
                .isEqualTo("Test.dmn, line 2: a PMML external function (functionDefinition kind=\"PMML\") is not allowed: "
                        + FEEL_ONLY);
        assertThat(scan("<functionDefinition kind=\"java\"/>")).singleElement().asString()
                .contains("(functionDefinition kind=\"java\") is not allowed");
        // FEEL ones are no external code, but a function can call itself without end (FeelLimits).
        assertThat(scan("<functionDefinition kind=\"FEEL\"/><functionDefinition kind=\"feel\"/><functionDefinition/>"))
                .hasSize(3).allSatisfy(problem -> assertThat(problem)
                        .startsWith("Test.dmn, line 2: a function definition (functionDefinition) is not allowed"));
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
        EditedTable sample = EditedTables.remediesUsingAnUndeclaredEntity();

        assertThat(PolicyFileScanner.scan(sample.inShippedPolicy())).singleElement().asString()
                .startsWith("Remedies.dmn, line " + sample.lineOf("&passwd;") + ": an XML entity (&passwd;) is not allowed");
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
    @MethodSource("feelExternalFunctions")
    void feelExternalFunctionPastTheScanFailsInsteadOfCallingJava(EditedTable sample) {
        // Behind the scan: compiled without it, the model compiles (FEEL resolves the class only when evaluated),
        // and evaluating it fails because the runtime's class loader has no java.lang.System to give.
        Policy policy = TestPolicies.compiler().compileUnscanned(sample.inShippedPolicy());

        assertThatThrownBy(() -> policy.decide(Complaints.documentedExample().build()))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageStartingWith(sample.fileName())
                .hasMessageContaining("java.lang.System is not available to policy files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javaFunctionDefinitions")
    void javaFunctionDefinitionPastTheScanDoesNotCompile(EditedTable sample) {
        // A function definition of kind Java is resolved when the model is compiled: the model has an error.
        PolicyException refused = catchThrowableOfType(PolicyException.class,
                () -> TestPolicies.compiler().compileUnscanned(sample.inShippedPolicy()));

        assertThat(refused).as("refused when compiled").isNotNull();
        assertThat(refused.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).startsWith(sample.fileName() + ": "))
                .anySatisfy(problem -> assertThat(problem).contains("java.lang.System is not available to policy files"));
    }

    static Stream<Named<EditedTable>> feelExternalFunctions() {
        return Stream.of(
                Named.of("FEEL external function calling System.exit", EditedTables.feelExternalFunctionCallingSystemExit()),
                Named.of("FEEL external function reading a system property",
                        EditedTables.feelExternalFunctionReadingASystemProperty()));
    }

    static Stream<Named<EditedTable>> javaFunctionDefinitions() {
        return Stream.of(
                Named.of("Java function definition calling System.exit", EditedTables.javaFunctionCallingSystemExit()),
                Named.of("Java business knowledge model reading a system property",
                        EditedTables.javaBusinessKnowledgeModelReadingASystemProperty()));
    }

    /** The problems of the given files, as the compiler reports them when it refuses them. */
    @Test
    void hugeListBehindARareConditionIsRefusedNamingTheTableAndRow() {
        EditedTable sample = EditedTables.hugeListBehindARareCondition();

        assertThat(refusal(sample.inShippedPolicy())).containsExactly("Dissatisfaction.dmn, line "
                + sample.lineOf("count(for i") + " (table 'Dissatisfaction Points', row 1): an iteration over 100000000"
                + " values is not allowed: the iterations of one expression may run over at most 1000 values in all");
    }

    @Test
    void nestedIterationsOverTooManyValuesInAllAreRefused() {
        EditedTable sample = EditedTables.nestedIterations();

        assertThat(refusal(sample.inShippedPolicy())).singleElement().asString()
                .startsWith("Dissatisfaction.dmn, line " + sample.lineOf("count(for a") + " (table 'Dissatisfaction Points', row 1)")
                .contains("an iteration over 10000 values is not allowed");
    }

    @Test
    void catastrophicPatternIsRefusedNamingThePattern() {
        EditedTable sample = EditedTables.catastrophicPattern();

        assertThat(refusal(sample.inShippedPolicy())).containsExactly("Dissatisfaction.dmn, line "
                + sample.lineOf("matches(") + " (table 'Dissatisfaction Points', row 1): the pattern \"^([0-9]+)+x$\" of"
                + " matches(...) repeats a group that itself repeats or has alternatives, which is not allowed:"
                + " matching it can take exponential time");
    }

    @Test
    void selfCallingFunctionIsRefused() {
        EditedTable sample = EditedTables.selfCallingFunction();

        assertThat(refusal(sample.inShippedPolicy())).singleElement().asString()
                .startsWith("Dissatisfaction.dmn, line " + sample.lineOf("twice: function") + " (table 'Dissatisfaction Points', row 1)")
                .contains("a function definition (function(...) ...) is not allowed");
    }

    private static List<String> refusal(PolicyFiles files) {
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
