package com.shopcare.complaints.benchmarks.baseline;

import com.shopcare.complaints.api.DecisionsApi;
import com.shopcare.complaints.api.model.DecisionRequest;
import com.shopcare.complaints.api.model.DecisionResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP benchmark's baseline: {@code POST /v1/decisions} with the header {@value #HEADER}, so it passes the same
 * filters (key, rate limit), the same JSON binding and validation and the same JSON writing as a decision; but the
 * answer for a complaint id is decided once, by the service's own endpoint, and then sent again from memory. The
 * difference between the two is what a decision costs on top of HTTP. Only in a service started by
 * {@code benchmarks/http.sh}, which adds this module's jar with Spring Boot's {@code loader.path}.
 */
@RestController
class BaselineDecisionsController {

    static final String HEADER = "X-Benchmark-Baseline";

    private final DecisionsApi decisions;
    private final Map<String, DecisionResponse> decided = new ConcurrentHashMap<>();

    BaselineDecisionsController(DecisionsApi decisions) {
        this.decisions = decisions;
    }

    // More specific than the service's mapping of the same path (it names a header), so it wins when the header is sent.
    @PostMapping(path = "/v1/decisions", headers = HEADER, consumes = "application/json", produces = "application/json")
    ResponseEntity<DecisionResponse> decide(@Valid @RequestBody DecisionRequest request) {
        return ResponseEntity.ok(decided.computeIfAbsent(request.getComplaintId(),
                id -> decisions.decide(request, null).getBody()));
    }
}
