package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.api.model.DecisionRequest;
import com.shopcare.complaints.api.model.DecisionResponse;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.service.access.CallingShop;
import com.shopcare.complaints.service.policy.ActivePolicy;
import com.shopcare.complaints.service.system.RandomIds;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP benchmark's baseline, active only under the {@code benchmark} profile and not part of the API:
 * the same request parsing, checks and response mapping as {@code POST /v1/decisions}, but the decision for a
 * complaint id is made once and then answered from memory. The answers have the same size as the real ones,
 * so the difference between the two endpoints is what deciding costs.
 */
@RestController
@Profile("benchmark")
class BaselineDecisionsController {

    private final ActivePolicy activePolicy;
    private final CallingShop callingShop;
    private final Map<String, Decision> decided = new ConcurrentHashMap<>();

    BaselineDecisionsController(ActivePolicy activePolicy, CallingShop callingShop) {
        this.activePolicy = activePolicy;
        this.callingShop = callingShop;
    }

    @PostMapping(path = "/benchmark/baseline-decisions", consumes = "application/json", produces = "application/json")
    ResponseEntity<DecisionResponse> decide(@Valid @RequestBody DecisionRequest request) {
        Currency currency = RequestChecks.check(request);
        Decision decision = decided.computeIfAbsent(request.getComplaintId(),
                id -> activePolicy.current().decide(DecisionMapper.toComplaint(request, currency)));
        return ResponseEntity.ok(DecisionMapper.toResponse(RandomIds.newId(), request, decision)
                .shopId(callingShop.resolve(request.getShopId())));
    }
}
