package com.shopcare.complaints.scenarios;

import java.util.List;

/**
 * One scenario file: the examples of one policy.
 *
 * @param name     the file's name, such as {@code P4-remedies-per-issue-type.feature}
 * @param policyId the policy named at the start of the file's Feature line, such as {@code P4}
 * @param title    the rest of the Feature line
 */
public record ScenarioFile(String name, String policyId, String title, List<Example> examples) {

    public ScenarioFile {
        examples = List.copyOf(examples);
    }
}
