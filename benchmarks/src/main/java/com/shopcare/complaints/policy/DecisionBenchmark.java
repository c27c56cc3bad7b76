package com.shopcare.complaints.policy;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.decision.Option;
import com.shopcare.complaints.guards.CaseFacts;
import com.shopcare.complaints.guards.Explanation;
import com.shopcare.complaints.guards.OfferedOption;
import com.shopcare.complaints.guards.Timing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One decision in-process, and the layers it is made of, on the same fixed mix of complaints.
 * In the same package as the engine so that the layers can be run alone; nothing here is used by the product.
 *
 * <ul>
 *   <li>{@code decision}: what a request pays: models (outcomes remembered, ADR 0004), guards, explanation, mapping.</li>
 *   <li>{@code decisionEvaluatingEveryTable}: the same with nothing remembered: every table interpreted.</li>
 *   <li>{@code dmnModelsAlone}: the six DMN models, every table interpreted, on the inputs a decision gave them.</li>
 *   <li>{@code guardRulesAlone}: the DRL guards, fired twice in one working memory, on the facts a decision gave them.</li>
 *   <li>{@code plainJavaScore}: the dissatisfaction score written in plain Java, the floor of any rule engine.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DecisionBenchmark {

    private Policy remembering;
    private Policy evaluatingEveryTime;
    private List<Complaint> mix;
    private List<ModelInputs> modelInputs;
    private List<Decision> decisions;

    /** Where each thread is in the mix: every call takes the next complaint, round robin. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int next(int size) {
            int index = next;
            next = (index + 1) % size;
            return index;
        }
    }

    @Setup(Level.Trial)
    public void compile() {
        // As in the service once it is ready: the guards' alpha network compiled (ADR 0012).
        PolicyCompiler compiler = new PolicyCompiler();
        compiler.compileGuardsAlphaNetwork();
        remembering = compiler.compile(PolicyFiles.shipped());
        PolicyCompiler everyTime = new PolicyCompiler(0);
        everyTime.compileGuardsAlphaNetwork();
        evaluatingEveryTime = everyTime.compile(PolicyFiles.shipped());
        mix = ComplaintMix.load();
        modelInputs = new ArrayList<>();
        decisions = new ArrayList<>();
        Map<String, Integer> levels = new TreeMap<>();
        Map<String, Integer> issues = new TreeMap<>();
        for (Complaint complaint : mix) {
            DecisionRun run = new DecisionRun(evaluatingEveryTime, complaint);
            Decision decision = run.run();
            modelInputs.add(run.inputs());
            decisions.add(decision);
            levels.merge(decision.dissatisfaction().level(), 1, Integer::sum);
            issues.merge(complaint.issueType(), 1, Integer::sum);
        }
        if (levels.size() < 4 || issues.size() < 11) {
            throw new IllegalStateException("the mix must cover every level and issue type: " + levels + " " + issues);
        }
    }

    @Benchmark
    public Decision decision(Cursor cursor) {
        return remembering.decide(mix.get(cursor.next(mix.size())));
    }

    @Benchmark
    public Decision decisionEvaluatingEveryTable(Cursor cursor) {
        return evaluatingEveryTime.decide(mix.get(cursor.next(mix.size())));
    }

    @Benchmark
    public void dmnModelsAlone(Cursor cursor, Blackhole blackhole) {
        ModelInputs inputs = modelInputs.get(cursor.next(mix.size()));
        Explanation explanation = new Explanation();
        for (PolicyModel model : PolicyModel.values()) {
            blackhole.consume(evaluatingEveryTime.model(model).evaluate(inputs, explanation));
        }
    }

    @Benchmark
    public Explanation guardRulesAlone(Cursor cursor) {
        int index = cursor.next(mix.size());
        Complaint complaint = mix.get(index);
        Decision decision = decisions.get(index);
        Explanation explanation = new Explanation();
        List<Object> facts = new ArrayList<>();
        for (Option option : decision.remedies()) {
            facts.add(new OfferedOption(OfferedOption.Kind.REMEDY, option.type(), option.percent(), option.amount(),
                    option.description()));
        }
        for (Option option : decision.compensation()) {
            facts.add(new OfferedOption(OfferedOption.Kind.COMPENSATION, option.type(), option.percent(),
                    option.amount(), option.description()));
        }
        facts.add(new CaseFacts(complaint.issueType(), complaint.responsibility(), complaint.compensationsLast90Days(),
                Boolean.TRUE.equals(modelInputs.get(index).get(ModelInputs.Input.OUTSIDE_RETURN_WINDOW)),
                complaint.orderValue(), complaint.affectedValue(), complaint.currency(),
                decision.escalation().path(), decision.escalation().reason()));
        Decision.ResponseTimes times = decision.responseTimes();
        try (GuardRun guards = remembering.guards(explanation)) {
            guards.fire(facts);
            guards.fire(List.of(new Timing(times.firstResponseMinutes(), times.resolutionHours(), times.updateEveryDays())));
        }
        return explanation;
    }

    /** The P1 points table in plain Java, only as the floor a rule engine is compared against. */
    @Benchmark
    public int plainJavaScore(Cursor cursor) {
        Complaint c = mix.get(cursor.next(mix.size()));
        int points = switch (c.issueType()) {
            case "NOT_DELIVERED" -> 35;
            case "DEFECTIVE_PRODUCT" -> 30;
            case "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM", "BILLING_ERROR" -> 25;
            case "REFUND_DELAY" -> 20;
            case "SERVICE_COMPLAINT" -> 15;
            default -> 10;
        };
        points += Math.min(30, 2 * c.delayDays());
        points += switch (c.emotion()) {
            case "UPSET" -> 10;
            case "ANGRY" -> 20;
            case "FURIOUS" -> 30;
            default -> 0;
        };
        points += c.contactCount() >= 3 ? 20 : c.contactCount() == 2 ? 10 : 0;
        points += c.isPublic() ? 15 : 0;
        return Math.max(0, Math.min(100, points));
    }
}
