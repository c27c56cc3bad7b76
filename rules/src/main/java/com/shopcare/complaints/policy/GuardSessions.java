package com.shopcare.complaints.policy;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The working memories the guard rules run in, reused from decision to decision and never shared by two at once.
 * The one given back last is handed out first: on a busy core one decision runs at a time, so it keeps reusing a
 * working memory whose data is still in the processor's caches, where Drools' own pool rotates through all of them.
 * A working memory is given back empty: each decision deletes what it inserted, which leaves the engine's node
 * memories in place, where the pool's reset rebuilt them. Measured against the pool (docs/BENCHMARKS.md): JMH guards
 * p50 5.6 -> 4.2 us, with the engine's locking off at the time; about 4.6 us with it back on (see the constructor).
 * When the guards switch to their compiled alpha network ({@link GuardBase}), working memories of the old KieBase are
 * disposed of as they come back or come up, and new ones come from the new KieBase.
 */
final class GuardSessions {

    private final GuardBase guards;
    private final Deque<KieSession> idle = new ConcurrentLinkedDeque<>();

    GuardSessions(GuardBase guards) {
        // The working memories keep the engine's default, thread-safe configuration although one thread at a time
        // uses each: with ThreadSafeOption.NO, the executable model's consequences (ADR 0010) reuse one argument
        // array per rule, shared by every working memory of the KieBase, and decisions on two threads corrupted each
        // other (ConcurrentDecisionsTest).
        this.guards = guards;
    }

    /** An empty working memory: one given back earlier, or a new one when all are in use. */
    KieSession take() {
        KieBase current = guards.current();
        KieSession session = idle.pollFirst();
        while (session != null && session.getKieBase() != current) {
            session.dispose();
            session = idle.pollFirst();
        }
        return session != null ? session : current.newKieSession();
    }

    /** Takes back a working memory that holds no facts any more. */
    void giveBack(KieSession session) {
        if (session.getKieBase() == guards.current()) {
            idle.offerFirst(session);
        } else {
            session.dispose();
        }
    }
}
