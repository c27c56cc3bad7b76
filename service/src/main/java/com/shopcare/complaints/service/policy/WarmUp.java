package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.policy.Policy;
import org.springframework.stereotype.Component;

/** Placeholder replaced once the scenario book is available. */
@Component
class WarmUp {
    void run(Policy policy) {
    }
}
