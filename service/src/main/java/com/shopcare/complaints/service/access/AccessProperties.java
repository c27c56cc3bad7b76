package com.shopcare.complaints.service.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call. The keys come from the environment variables named in application.yaml; the token settings of
 * the optional JWT mode are Spring's own ({@code spring.security.oauth2.resourceserver.jwt.*}) plus the claim
 * that names the shop.
 *
 * @param apiKeys   shop keys, {@code shopId=sha256hex,...}
 * @param adminKeys admin keys, {@code name=sha256hex,...}
 * @param metricsKeys keys that open only {@code /actuator/prometheus}, for the scraper, {@code name=sha256hex,...}
 * @param shopClaim the JWT claim holding the caller's shop id
 */
@ConfigurationProperties("decision.access")
public record AccessProperties(String apiKeys, String adminKeys, String metricsKeys,
                               @DefaultValue("shop_id") String shopClaim) {
}
