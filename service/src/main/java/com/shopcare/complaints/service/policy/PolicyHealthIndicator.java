package com.shopcare.complaints.service.policy;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP only once the policy is compiled and warmed up, so a load balancer never routes to a cold instance. */
@Component("policy")
public class PolicyHealthIndicator implements HealthIndicator {

    private final ActivePolicy activePolicy;

    public PolicyHealthIndicator(ActivePolicy activePolicy) {
        this.activePolicy = activePolicy;
    }

    @Override
    public Health health() {
        if (!activePolicy.isWarm()) {
            return Health.outOfService().withDetail("reason", "policy not warmed up yet").build();
        }
        return Health.up().withDetail("policyVersion", activePolicy.current().version()).build();
    }
}
