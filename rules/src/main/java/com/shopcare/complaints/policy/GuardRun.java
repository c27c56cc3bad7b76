package com.shopcare.complaints.policy;

import com.shopcare.complaints.guards.Explanation;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.Collection;

/**
 * One decision's run of the DRL guards: one working memory taken from the policy's pool, fired once for the options
 * and the path, then again once the response times for the final path are known, and given back to the pool.
 * One working memory for both steps, not a stateless session per step: taking, resetting and returning a working
 * memory is about a fifth of the guards' time under load, paid once per decision instead of twice (docs/BENCHMARKS.md).
 * The explanation is the rules' global, not a fact: as a fact, every rule joined it, which cost more than the rules'
 * own conditions.
 */
final class GuardRun implements AutoCloseable {

    private final KieSession session;

    /** The global the guard rules add their reasons to (declared in each DRL file). */
    static final String EXPLANATION = "explanation";

    GuardRun(KieSessionsPool pool, Explanation explanation) {
        this.session = pool.newKieSession();
        session.setGlobal(EXPLANATION, explanation);
    }

    /** Adds the facts and fires every rule they make true, the earlier facts included. */
    void fire(Collection<?> facts) {
        for (Object fact : facts) {
            session.insert(fact);
        }
        session.fireAllRules();
    }

    /** Gives the working memory back to the pool, which resets it (globals included) for the next decision. */
    @Override
    public void close() {
        session.dispose();
    }
}
