package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.api.PolicyApi;
import com.shopcare.complaints.api.model.PolicySummary;
import com.shopcare.complaints.api.model.PolicyTable;
import com.shopcare.complaints.policy.Policy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PolicyController implements PolicyApi {

    private final ActivePolicy activePolicy;

    public PolicyController(ActivePolicy activePolicy) {
        this.activePolicy = activePolicy;
    }

    @Override
    public ResponseEntity<PolicySummary> getActivePolicy() {
        Policy policy = activePolicy.current();
        PolicySummary summary = new PolicySummary(policy.version(), policy.tables().stream()
                .map(table -> new PolicyTable(table.name(), table.source(), PolicyTable.KindEnum.fromValue(table.kind().name()))
                        .hitPolicy(table.hitPolicy())
                        .rows(table.rows()))
                .toList());
        return ResponseEntity.ok(summary);
    }
}
