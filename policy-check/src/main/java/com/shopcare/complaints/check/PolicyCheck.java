package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyAnalysis;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyException;
import com.shopcare.complaints.engine.PolicyFileScanner;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.engine.PolicyFinding;
import com.shopcare.complaints.engine.PolicyModel;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.scenarios.ScenarioFile;
import com.shopcare.complaints.scenarios.ScenarioFileException;
import com.shopcare.complaints.scenarios.ScenarioReport;
import com.shopcare.complaints.scenarios.ScenarioRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checks a draft passes before it may go live, the same in the service and on the command line: safety first
 * (an unsafe file never reaches the engine), then structure and decision-table analysis, then, when the draft
 * compiles, the invariants and the impact over a generated sample, and the scenario files.
 */
public final class PolicyCheck {

    /** The size of the generated sample; the same seed every time, so a check's figures are reproducible. */
    public static final int SAMPLE_SIZE = 10_000;
    /** Deciding the sample takes 1-3 s with the shipped tables on a 2-core machine. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
    static final long SAMPLE_SEED = 20_261_123L;

    /** A report and, when the draft compiles, the compiled draft. */
    public record Checked(CheckReport report, Policy draft) {
    }

    private final PolicyCompiler compiler;
    private final int sampleSize;
    private final Duration budget;

    public PolicyCheck(PolicyCompiler compiler) {
        this(compiler, SAMPLE_SIZE, DEFAULT_BUDGET);
    }

    /**
     * @param sampleSize how many complaints to generate; the service's default is {@link #SAMPLE_SIZE}
     * @param budget     how long deciding the sample may take; a draft slower than that is an error, not a wait
     */
    public PolicyCheck(PolicyCompiler compiler, int sampleSize, Duration budget) {
        this.compiler = compiler;
        this.sampleSize = sampleSize;
        this.budget = budget;
    }

    /**
     * @param draft  the files to check: the tables, and the scenario files their examples are run from
     * @param active the policy that decides today: the baseline of the impact, and the vocabulary of the sample
     * @param past   past complaints to compare the decisions of, or null
     */
    public Checked check(PolicyFiles draft, Policy active, List<Complaint> past) {
        return check(draft, active, past, "draft");
    }

    /** As {@link #check(PolicyFiles, Policy, List)}, the compiled draft named {@code draftVersion} in its decisions. */
    public Checked check(PolicyFiles draft, Policy active, List<Complaint> past, String draftVersion) {
        List<PolicyFinding> safety = PolicyAnalysis.findings(PolicyFileScanner.scan(draft), "UNSAFE_CONSTRUCT");
        if (!safety.isEmpty()) {
            return new Checked(new CheckReport(List.of(), List.of(), safety, null, null, null, null,
                    List.of("structure, tables, invariants, scenarios and impact: a file is unsafe, so no engine reads it")),
                    null);
        }
        PolicyAnalysis.Result analysis = PolicyAnalysis.analyse(draft);
        List<PolicyFinding> structure = new ArrayList<>(analysis.structure());
        for (String name : draft.files().keySet()) {
            if (Stream.of(PolicyModel.values()).map(PolicyModel::fileName).noneMatch(name::equals)) {
                structure.add(PolicyFinding.error(name, "UNKNOWN_TABLE", "not a model of the policy; the models are "
                        + Stream.of(PolicyModel.values()).map(PolicyModel::fileName).toList()));
            }
        }
        ScenarioBook scenarios = scenarios(draft, structure);
        Policy compiled = null;
        try {
            compiled = compiler.compile(draft, draftVersion);
        } catch (PolicyException e) {
            // The compiler repeats the validator's errors; keep only what it adds (missing files, shape, annotations).
            for (PolicyFinding finding : PolicyAnalysis.findings(e.problems(), "COMPILATION")) {
                boolean known = structure.stream().anyMatch(seen -> finding.message().contains(seen.message()));
                if (!known) {
                    structure.add(finding);
                }
            }
            if (structure.stream().noneMatch(PolicyFinding::isError)) {
                structure.add(PolicyFinding.error(null, "COMPILATION", e.getMessage()));
            }
        }
        if (compiled == null) {
            return new Checked(new CheckReport(structure, analysis.tables(), safety, null, null, null, null,
                    List.of("invariants, scenarios and impact: the draft does not compile")), null);
        }

        List<Complaint> sample = new ComplaintSample(active).generate(sampleSize, SAMPLE_SEED);
        // Each sample complaint is decided once under the draft, for the invariants and for the impact. The first
        // complaint the draft cannot decide ends the sampling: invariant 5 is broken, and an impact is meaningless.
        PolicyInvariants invariantCheck = new PolicyInvariants(compiled);
        List<Decision> drafted = new ArrayList<>(sample.size());
        long deadline = System.nanoTime() + budget.toNanos();
        for (Complaint complaint : sample) {
            if (System.nanoTime() - deadline > 0) {
                structure.add(PolicyFinding.error(null, "CHECK_TOO_SLOW", "deciding the sample took longer than "
                        + budget.toSeconds() + " s, so the check stopped after " + drafted.size() + " of " + sample.size()
                        + " complaints: a table of this draft decides too slowly to serve shops"));
                break;
            }
            Decision decision = invariantCheck.decide(complaint);
            if (decision == null) {
                break;
            }
            drafted.add(decision);
        }
        boolean decidesAll = drafted.size() == sample.size();
        PolicyInvariants.Result invariants = invariantCheck.check(sample.subList(0, drafted.size()), drafted);
        CheckReport.Scenarios scenarioCheck = null;
        if (scenarios != null) {
            ScenarioReport scenarioReport = new ScenarioRunner(compiled).run(scenarios);
            scenarioCheck = new CheckReport.Scenarios(scenarioReport.results().size(), scenarioReport.failures());
        }
        DecisionImpact.Result sampleImpact = decidesAll ? DecisionImpact.compare(active, sample, drafted) : null;
        DecisionImpact.Result pastImpact = decidesAll && past != null
                ? DecisionImpact.compare(active, past, past.stream().map(invariantCheck::decide).toList()) : null;
        List<String> notChecked = new ArrayList<>();
        if (!decidesAll) {
            notChecked.add("impact: the draft cannot decide every complaint (see invariant 5)");
        }
        if (scenarios == null) {
            notChecked.add("scenarios: a scenario file cannot be read (see structure)");
        }
        return new Checked(new CheckReport(structure, analysis.tables(), safety, invariants, scenarioCheck, sampleImpact,
                pastImpact, notChecked), compiled);
    }

    /**
     * The draft's scenario files, read; null, with a finding naming the file and line, when one cannot be read or
     * does not belong to the policy its name says.
     */
    private static ScenarioBook scenarios(PolicyFiles draft, List<PolicyFinding> structure) {
        if (draft.scenarios().isEmpty()) {
            structure.add(PolicyFinding.error(null, "SCENARIO_FILE", "the draft has no scenario files"));
            return null;
        }
        ScenarioBook book;
        try {
            book = ScenarioBook.of(draft);
        } catch (ScenarioFileException e) {
            structure.add(new PolicyFinding(PolicyFinding.Severity.ERROR, e.file(), null,
                    e.line() > 0 ? Math.toIntExact(e.line()) : null, "SCENARIO_FILE",
                    e.getMessage().substring(e.getMessage().indexOf(": ") + 2)));
            return null;
        }
        boolean named = true;
        for (ScenarioFile file : book.files()) {
            String policy = ScenarioBook.policyOfName(file.name()).orElse(null);
            if (!file.policyId().equals(policy)) {
                structure.add(new PolicyFinding(PolicyFinding.Severity.ERROR, file.name(), null, 1, "SCENARIO_FILE",
                        "its Feature line is about " + file.policyId() + ", but its name says "
                                + (policy == null ? "no policy" : policy) + "; rename the file or fix the Feature line"));
                named = false;
            }
        }
        return named ? book : null;
    }
}
