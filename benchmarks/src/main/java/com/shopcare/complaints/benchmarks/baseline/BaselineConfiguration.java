package com.shopcare.complaints.benchmarks.baseline;

import com.shopcare.complaints.api.DecisionsApi;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Adds the baseline endpoint to a service that finds this jar on its class path (listed in AutoConfiguration.imports). */
@AutoConfiguration
public class BaselineConfiguration {

    @Bean
    BaselineDecisionsController baselineDecisionsController(DecisionsApi decisions) {
        return new BaselineDecisionsController(decisions);
    }
}
