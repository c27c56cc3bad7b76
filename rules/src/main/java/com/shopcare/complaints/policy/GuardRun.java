package com.shopcare.complaints.policy;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.Collection;

/**
 * One decision's run of the DRL guards: one working memory taken from the policy's pool, fired once for the options
 * and the path, then again once the response times for the final path are known, and given back to the pool.
 * One working memory for both steps, not a stateless session per step: taking, resetting and returning a working
 * memory is about a fifth of the guards' time under load, paid once per decision instead of twice (docs/BENCHMARKS.md).
 */
final class GuardRun implements AutoCloseable {

    private final KieSession session;

    GuardRun(KieSessionsPool pool) {
        this.session = pool.newKieSession();
    }

    /** Adds the facts and fires every rule they make true, the earlier facts included. */
    void fire(Collection<?> facts) {
        for (Object fact : facts) {
            session.insert(fact);
        }
        session.fireAllRules();
    }

    /** Gives the working memory back to the pool, which resets it for the next decision. */
    @Override
    public void close() {
        session.dispose();
    }
}
