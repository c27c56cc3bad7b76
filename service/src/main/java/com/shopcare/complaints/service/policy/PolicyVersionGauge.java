package com.shopcare.complaints.service.policy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** The active policy version as a metric, {@code policy_active{version="..."} 1}, so a dashboard shows which rules decide. */
@Component
class PolicyVersionGauge {

    private final ActivePolicy activePolicy;
    private final MultiGauge gauge;

    PolicyVersionGauge(ActivePolicy activePolicy, MeterRegistry registry) {
        this.activePolicy = activePolicy;
        this.gauge = MultiGauge.builder("policy.active")
                .description("1 for the policy version that decides now")
                .register(registry);
    }

    // Shown when the service is ready, and again whenever another version starts deciding (publish, rollback, watcher).
    @EventListener({ApplicationReadyEvent.class, ActivePolicy.PolicyActivated.class})
    void show() {
        gauge.register(List.of(MultiGauge.Row.of(Tags.of("version", activePolicy.current().version()), 1)), true);
    }
}
