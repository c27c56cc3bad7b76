package com.shopcare.complaints.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline check, as a team runs it in its own CI on a folder of edited tables. */
class CheckPolicyTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aGoodEditExitsZeroAndPrintsTheMoneyDifference() throws IOException {
        writeMediumVoucherAt12();

        int exit = check(folder.toString());

        assertThat(exit).isZero();
        assertThat(out()).startsWith("Policy check of " + folder).contains("PASSED: 0 error(s)")
                .containsPattern("EUR VOUCHER: [0-9.]+ -> [0-9.]+ \\(\\+[0-9.]+\\)");
    }

    @Test
    void theEditWithoutItsExamplesExitsOneNamingEachFailingExample() throws IOException {
        Files.writeString(folder.resolve(Drafts.COMPENSATION), Drafts.mediumVoucher(12));

        int exit = check(folder.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out()).contains("FAILED: 7 error(s)", "5. Scenarios: ", "P9 P9-loyalty.feature:36",
                "voucher percent: expected 10 but was 12");
    }

    /** The MEDIUM voucher at 12 %, with the examples that pin it, as a team keeps them together. */
    private void writeMediumVoucherAt12() throws IOException {
        for (var file : Drafts.mediumVoucherWithExamples(12).entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
    }

    @Test
    void anOverlapExitsOneNamingTheFileAndTheRows() throws IOException {
        Files.writeString(folder.resolve(Drafts.DISSATISFACTION), Drafts.overlappingLevels());

        int exit = check(folder.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out()).contains("FAILED").contains("Dissatisfaction.dmn").contains("rules: [2, 3]");
    }

    @Test
    void pastComplaintsFromACsvFileAreCompared() throws IOException {
        writeMediumVoucherAt12();
        Path csv = Files.writeString(folder.resolve("past.csv"), """
                issue type,responsibility,channel,emotion,order value,currency,tier
                LATE_DELIVERY,SHOP,EMAIL,ANGRY,100.00,EUR,REGULAR
                """);

        int exit = check(folder.toString(), "--past", csv.toString());

        assertThat(exit).isZero();
        assertThat(out()).contains("Impact over the past complaints: 1 of 1 decisions change")
                .contains("EUR VOUCHER: 10.00 -> 12.00 (+2.00)");
    }

    @Test
    void aBrokenCsvExitsTwoNamingTheLine() throws IOException {
        Path csv = Files.writeString(folder.resolve("past.csv"), """
                issue type,responsibility,channel,emotion,order value,currency,tier
                LATE_DELIVERY,SHOP,EMAIL,ANGRY,a lot,EUR,REGULAR
                """);

        assertThat(check(folder.toString(), "--past", csv.toString())).isEqualTo(2);
        assertThat(err()).contains("line 2").contains("order value");
    }

    @Test
    void noFolderExitsTwoWithUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("give a folder of DMN files");
    }

    @Test
    void aSampleThatIsNotAPositiveNumberExitsTwo() {
        assertThat(run(folder.toString(), "--sample", "some")).isEqualTo(2);
        assertThat(err()).contains("--sample needs a whole number of complaints");
    }

    /** The check with a small sample of generated complaints: the build tests what is printed, not the sample's size. */
    private int check(String... args) {
        String[] withSample = java.util.Arrays.copyOf(args, args.length + 2);
        withSample[args.length] = "--sample";
        withSample[args.length + 1] = "300";
        return run(withSample);
    }

    private int run(String... args) {
        return CheckPolicy.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
