package com.shopcare.complaints.service.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the requests the service answered with a problem, by reason ({@code requests_rejected_total{reason=...}}),
 * and stamps each problem with the request's correlation id. Every problem response passes through here.
 */
@Component
public class RejectedRequests {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    RejectedRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records the problem about to be answered and returns it with its correlation id. */
    public ProblemDetail record(ProblemDetail problem) {
        String correlationId = CorrelationIds.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        counters.computeIfAbsent(reason(problem), reason -> Counter.builder("requests.rejected")
                .description("Requests answered with a problem detail, by reason")
                .tag("reason", reason)
                .register(registry)).increment();
        return problem;
    }

    /** The last segment of the problem type (e.g. {@code rate-limited}), or the status for Spring's own problems. */
    private static String reason(ProblemDetail problem) {
        // Spring's own problems have no type, or about:blank, an opaque URI without a path.
        String path = problem.getType() == null ? null : problem.getType().getPath();
        if (path != null && path.startsWith("/problems/")) {
            return path.substring("/problems/".length());
        }
        return "status-" + problem.getStatus();
    }
}
