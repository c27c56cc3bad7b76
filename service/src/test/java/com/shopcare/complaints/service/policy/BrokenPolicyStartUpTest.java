package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.engine.PolicyException;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.ComplaintDecisionsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up with a policy folder on disk, as an operator configures it. */
class BrokenPolicyStartUpTest {

    @TempDir
    Path folder;

    @Test
    void brokenTableStopsStartUpNamingTheFileAndTheProblem() throws IOException {
        writeShippedTables();
        Path escalation = folder.resolve("Escalation.dmn");
        String broken = Files.readString(escalation).replace("<decisionTable", "<decisionTabel");
        Files.writeString(escalation, broken, StandardCharsets.UTF_8);

        assertThatThrownBy(this::start)
                .satisfies(failure -> assertThat(policyProblem(failure)).hasMessageContaining("Escalation.dmn"));
    }

    @Test
    void missingTableStopsStartUpNamingTheFile() throws IOException {
        writeShippedTables();
        Files.delete(folder.resolve("ResponseTimes.dmn"));

        assertThatThrownBy(this::start)
                .satisfies(failure -> assertThat(policyProblem(failure)).hasMessageContaining("ResponseTimes.dmn"));
    }

    @Test
    void editedTableInTheFolderIsTheOneThatDecides() throws IOException {
        writeShippedTables();
        Path compensation = folder.resolve("Compensation.dmn");
        // A business edit: loyal customers get 7 extra percentage points instead of 5.
        String edited = Files.readString(compensation).replaceFirst(
                "<text>5</text>(?<row>\\s*</outputEntry>\\s*<annotationEntry>\\s*<text>Loyal customers get )5",
                "<text>7</text>${row}7");
        assertThat(edited).isNotEqualTo(Files.readString(compensation));
        Files.writeString(compensation, edited, StandardCharsets.UTF_8);

        try (var context = start()) {
            var policy = context.getBean(ActivePolicy.class).current();
            var decision = policy.decide(com.shopcare.complaints.decision.Complaint.builder()
                    .issueType("DEFECTIVE_PRODUCT").responsibility("SHOP").channel("EMAIL").emotion("ANGRY")
                    .contactCount(2).orderValue(new java.math.BigDecimal("100.00"))
                    .currency(java.util.Currency.getInstance("EUR")).tier("LOYAL").build());

            assertThat(decision.compensation().get(0).percent()).isEqualByComparingTo("27");
            assertThat(policy.version()).isNotEqualTo(new com.shopcare.complaints.engine.PolicyCompiler()
                    .compile(PolicyFiles.shipped()).version());
        }
    }

    private void writeShippedTables() throws IOException {
        for (Map.Entry<String, byte[]> file : PolicyFiles.shipped().files().entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
    }

    private org.springframework.context.ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ComplaintDecisionsApplication.class)
                .run("--server.port=0", "--decision.policy.folder=" + folder.toAbsolutePath());
    }

    /** The policy's account of what is wrong, wherever Spring put it in the chain of causes. */
    private static PolicyException policyProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolicyException problem) {
                return problem;
            }
        }
        throw new AssertionError("start-up failed without a PolicyException", failure);
    }
}
