package com.shopcare.complaints.scenarios;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One example of a scenario file: a complaint described in business terms and the decision expected for it.
 *
 * @param policyId the policy the file is about, such as {@code P4}
 * @param file     the scenario file's name
 * @param line     the line of the example in the file: its Examples row, or the scenario itself when it has none
 * @param scenario the scenario's name, with the row's values filled in
 * @param given    the complaint's terms, the file's common ones first, then the example's own
 * @param expected the decision's terms the example expects
 */
public record Example(String policyId, String file, long line, String scenario,
                      Map<String, String> given, Map<String, String> expected) {

    public Example {
        given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    /** How a report names the example: policy, file and line, then the scenario. */
    public String where() {
        return policyId + " " + file + ":" + line + " (" + scenario + ")";
    }
}
