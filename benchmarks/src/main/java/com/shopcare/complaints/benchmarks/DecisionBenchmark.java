package com.shopcare.complaints.benchmarks;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyFiles;
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

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One decision in-process, through the engine's public API, on the same fixed mix of complaints the HTTP benchmark
 * sends.
 *
 * <ul>
 *   <li>{@code decision}: what a request pays: models (outcomes remembered, ADR 0004), guards, explanation, mapping.</li>
 *   <li>{@code decisionEvaluatingEveryTable}: the same with nothing remembered: every table interpreted.</li>
 *   <li>{@code plainJavaScore}: the dissatisfaction score written in plain Java, the floor of any rule engine.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// Run from the repository root (jmh.sh): the fork logs only warnings, as the parent does.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dlogback.configurationFile=benchmarks/jmh-logback.xml"})
@State(Scope.Benchmark)
public class DecisionBenchmark {

    private Policy remembering;
    private Policy evaluatingEveryTime;
    private List<Complaint> mix;

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
        remembering = new PolicyCompiler().compile(PolicyFiles.shipped());
        evaluatingEveryTime = new PolicyCompiler(0).compile(PolicyFiles.shipped());
        mix = ComplaintMix.load();
        Map<String, Integer> levels = new TreeMap<>();
        Map<String, Integer> issues = new TreeMap<>();
        for (Complaint complaint : mix) {
            Decision decision = evaluatingEveryTime.decide(complaint);
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
