package com.shopcare.complaints.service.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the folder store's active pointer every {@code decision.policy.watch-interval} (one second by default), so
 * that every replica sharing the store follows a publish or a rollback made on any of them within a few seconds.
 * Runs on Spring's task scheduler. A store that tells of changes itself (PostgreSQL) is left to do so.
 */
@Component
class PolicyWatcher {

    private static final Logger log = LoggerFactory.getLogger(PolicyWatcher.class);

    private final ActivePolicy activePolicy;

    PolicyWatcher(ActivePolicy activePolicy) {
        this.activePolicy = activePolicy;
    }

    @Scheduled(initialDelayString = "${decision.policy.watch-interval:1s}",
            fixedDelayString = "${decision.policy.watch-interval:1s}")
    void refresh() {
        if (activePolicy.isToldOfChanges()) {
            return;
        }
        try {
            activePolicy.refresh();
        } catch (RuntimeException e) {
            // A store that cannot be read for a moment (a network volume) must not stop the watching.
            log.warn("The policy store could not be read: {}", e.toString());
        }
    }
}
