package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.policy.Policy;
import com.shopcare.complaints.scenarios.ScenarioBook;
import com.shopcare.complaints.scenarios.ScenarioReport;
import com.shopcare.complaints.scenarios.ScenarioRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides every shipped scenario example once before the instance reports UP: the first decisions of a fresh
 * policy are slow (class loading, FEEL compilation caches), and the examples also show whether a policy loaded
 * from a folder still gives the decisions the scenario files expect.
 */
@Component
class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final ScenarioBook book = ScenarioBook.shipped();

    void run(Policy policy) {
        long started = System.nanoTime();
        ScenarioReport report = new ScenarioRunner(policy).run(book);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.passed()) {
            log.info("Policy {} warmed up: {} scenario examples decided as expected in {} ms",
                    policy.version(), report.results().size(), millis);
        } else {
            log.warn("Policy {} warmed up in {} ms, but it does not decide as the scenario files expect. {}",
                    policy.version(), millis, report.describe());
        }
    }
}
