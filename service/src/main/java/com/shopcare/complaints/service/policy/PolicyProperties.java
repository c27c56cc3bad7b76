package com.shopcare.complaints.service.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the policy tables come from.
 *
 * @param folder a folder holding one DMN file per model; when absent, the tables shipped with the release
 */
@ConfigurationProperties("decision.policy")
public record PolicyProperties(Path folder) {
}
