package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.api.model.DecisionRequest;
import com.shopcare.complaints.api.model.DecisionResponse;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.service.policy.ActivePolicy;
import com.shopcare.complaints.service.system.RandomIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Decides one checked request for one shop, and leaves a trace an operator can use: the counters by escalation
 * path and level, the latency histogram, and one log line per decision (on the logger {@code decisions}) with
 * identifiers and outcome only, never the complaint's content.
 */
@Component
class Decisions {

    private static final Logger decisionLog = LoggerFactory.getLogger("decisions");

    private final ActivePolicy activePolicy;
    private final MeterRegistry registry;
    private final Timer latency;
    private final Map<String, Counter> byOutcome = new ConcurrentHashMap<>();

    Decisions(ActivePolicy activePolicy, MeterRegistry registry) {
        this.activePolicy = activePolicy;
        this.registry = registry;
        this.latency = Timer.builder("decision.duration")
                .description("Time to check, decide and map one decision request, without HTTP and JSON")
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * @param policyVersion a published version to decide by, or null for the active one
     * @param recorded      false for the instance's own warm-up: no metrics, no decision log line
     */
    DecisionResponse decide(DecisionRequest request, String shop, String policyVersion, boolean recorded) {
        long started = System.nanoTime();
        Currency currency = RequestChecks.check(request);
        // The policy is read once per request: a version activated meanwhile decides the next request, not half of this one.
        Policy policy = policyVersion == null ? activePolicy.current() : activePolicy.pinnedVersion(policyVersion, shop);
        Decision decision = policy.decide(DecisionMapper.toComplaint(request, currency));
        String decisionId = RandomIds.newId();
        DecisionResponse response = DecisionMapper.toResponse(decisionId, request, decision).shopId(shop);
        long nanos = System.nanoTime() - started;
        if (!recorded) {
            return response;
        }

        String path = decision.escalation().path();
        String level = decision.dissatisfaction().level();
        latency.record(nanos, TimeUnit.NANOSECONDS);
        byOutcome.computeIfAbsent(path + '|' + level, key -> Counter.builder("decisions")
                .description("Decisions made, by escalation path and dissatisfaction level")
                .tag("path", path).tag("level", level)
                .register(registry)).increment();
        decisionLog.info("decision decisionId={} shopId={} policyVersion={} level={} path={} durationMicros={}",
                decisionId, shop, decision.policyVersion(), level, path, nanos / 1_000);
        return response;
    }

    /**
     * Decides a complaint under a draft, for an admin comparing it with the active version: the same checks and
     * answer, and none of the traces of a shop's decision (no metrics, no decision log line).
     */
    DecisionResponse decideUnderDraft(DecisionRequest request, String draftId) {
        return decideForAdmin(request, () -> activePolicy.draft(draftId));
    }

    /** As {@link #decideUnderDraft}, under a published version. */
    DecisionResponse decideUnderVersion(DecisionRequest request, String versionId) {
        return decideForAdmin(request, () -> activePolicy.version(versionId));
    }

    private DecisionResponse decideForAdmin(DecisionRequest request, java.util.function.Supplier<Policy> policy) {
        Currency currency = RequestChecks.check(request);
        Decision decision = policy.get().decide(DecisionMapper.toComplaint(request, currency));
        return DecisionMapper.toResponse(RandomIds.newId(), request, decision).shopId(request.getShopId());
    }
}
