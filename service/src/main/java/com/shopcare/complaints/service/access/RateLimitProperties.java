package com.shopcare.complaints.service.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each shop's rate limit, e.g. {@code --decision.rate-limit.requests-per-second=50 --decision.rate-limit.burst=100}.
 *
 * @param requestsPerSecond the average rate a shop may keep up
 * @param burst             how many requests a shop may send at once after a quiet period
 */
@ConfigurationProperties("decision.rate-limit")
public record RateLimitProperties(@DefaultValue("200") long requestsPerSecond, @DefaultValue("400") long burst) {

    public RateLimitProperties {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("decision.rate-limit.requests-per-second and .burst must be at least 1");
        }
    }
}
