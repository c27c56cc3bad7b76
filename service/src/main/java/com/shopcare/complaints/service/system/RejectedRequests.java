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

    /** Records the problem about to be answered and returns it with its type and its correlation id. */
    public ProblemDetail record(ProblemDetail problem) {
        Problems.typed(problem);
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

    /** The last segment of the problem type, e.g. {@code rate-limited} or {@code method-not-allowed}. */
    private static String reason(ProblemDetail problem) {
        String type = problem.getType().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
