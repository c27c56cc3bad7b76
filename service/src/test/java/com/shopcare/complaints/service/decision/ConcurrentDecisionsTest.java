package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.scenarios.ScenarioRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One compiled policy serves every request thread: its DMN models, remembered outcomes and pooled guard sessions are
 * shared. Sixteen threads deciding the same complaints at once, each in its own order, must get exactly the answers
 * one thread gets alone.
 */
class ConcurrentDecisionsTest {

    private static final int THREADS = 16;

    @Test
    void sixteenThreadsGetExactlyTheSingleThreadedDecisions() throws Exception {
        List<Complaint> complaints = ScenarioBook.shipped().examples().stream().map(ScenarioRunner::complaintOf).toList();
        Policy alone = new PolicyCompiler().compile(PolicyFiles.shipped());
        List<Decision> expected = complaints.stream().map(alone::decide).toList();
        // A fresh policy, so the threads also race to fill its memory of model outcomes.
        Policy shared = new PolicyCompiler().compile(PolicyFiles.shipped());

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                results.add(threads.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < complaints.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    start.await();
                    List<String> differences = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        for (int i : order) {
                            Decision decision = shared.decide(complaints.get(i));
                            if (!decision.equals(expected.get(i))) {
                                differences.add("complaint " + i + ": " + decision + " instead of " + expected.get(i));
                            }
                        }
                    }
                    return differences;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(expected).hasSizeGreaterThan(100);
    }
}
