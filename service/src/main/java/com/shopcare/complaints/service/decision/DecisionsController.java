package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.api.DecisionsApi;
import com.shopcare.complaints.api.model.DecisionRequest;
import com.shopcare.complaints.api.model.DecisionResponse;
import com.shopcare.complaints.service.access.CallingShop;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DecisionsController implements DecisionsApi {

    private final Decisions decisions;
    private final CallingShop callingShop;

    public DecisionsController(Decisions decisions, CallingShop callingShop) {
        this.decisions = decisions;
        this.callingShop = callingShop;
    }

    @Override
    public ResponseEntity<DecisionResponse> decide(DecisionRequest request, String policyVersion) {
        return ResponseEntity.ok(decisions.decide(request, callingShop.resolve(request.getShopId()), policyVersion,
                !callingShop.isInstanceOwn()));
    }

    @Override
    public ResponseEntity<DecisionResponse> decideUnderVersion(String versionId, DecisionRequest request) {
        return ResponseEntity.ok(decisions.decideUnderVersion(request, versionId));
    }

    @Override
    public ResponseEntity<DecisionResponse> decideUnderDraft(String draftId, DecisionRequest request) {
        return ResponseEntity.ok(decisions.decideUnderDraft(request, draftId));
    }
}
