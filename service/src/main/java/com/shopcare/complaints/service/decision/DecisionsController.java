package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.api.DecisionsApi;
import com.shopcare.complaints.api.model.DecisionRequest;
import com.shopcare.complaints.api.model.DecisionResponse;
import com.shopcare.complaints.decision.Decision;
import com.shopcare.complaints.service.policy.ActivePolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.Currency;
import java.util.UUID;

@RestController
public class DecisionsController implements DecisionsApi {

    private final ActivePolicy activePolicy;

    public DecisionsController(ActivePolicy activePolicy) {
        this.activePolicy = activePolicy;
    }

    @Override
    public ResponseEntity<DecisionResponse> decide(DecisionRequest request) {
        Currency currency = RequestChecks.check(request);
        Decision decision = activePolicy.current().decide(DecisionMapper.toComplaint(request, currency));
        return ResponseEntity.ok(DecisionMapper.toResponse(UUID.randomUUID().toString(), request, decision));
    }
}
