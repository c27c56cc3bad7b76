package com.shopcare.complaints.policy;

import com.shopcare.complaints.guards.Explanation;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One decision's run of the DRL guards: one working memory, fired once for the options and the path, then again once
 * the response times for the final path are known. Closing it deletes the decision's facts and gives the working
 * memory back for the next decision; a run that failed half-way disposes of its working memory instead.
 * The explanation is the rules' global, not a fact: as a fact, every rule joined it, which cost more than the rules'
 * own conditions.
 */
final class GuardRun implements AutoCloseable {

    /** The global the guard rules add their reasons to (declared in each DRL file). */
    static final String EXPLANATION = "explanation";

    private final GuardSessions sessions;
    private final KieSession session;
    private final List<FactHandle> inserted = new ArrayList<>(12);
    private boolean clean = true;

    GuardRun(GuardSessions sessions, Explanation explanation) {
        this.sessions = sessions;
        this.session = sessions.take();
        session.setGlobal(EXPLANATION, explanation);
    }

    /** Adds the facts and fires every rule they make true, the earlier facts included. */
    void fire(Collection<?> facts) {
        clean = false;
        for (Object fact : facts) {
            inserted.add(session.insert(fact));
        }
        session.fireAllRules();
        clean = true;
    }

    /** Empties the working memory and gives it back, or disposes of it if a rule failed. */
    @Override
    public void close() {
        if (!clean) {
            session.dispose();
            return;
        }
        for (FactHandle fact : inserted) {
            session.delete(fact);
        }
        sessions.giveBack(session);
    }
}
