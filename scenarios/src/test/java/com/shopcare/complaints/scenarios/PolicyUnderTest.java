package com.shopcare.complaints.scenarios;

import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyFiles;

import java.nio.file.Path;

/**
 * The policy the scenarios run against, compiled once per test run: the shipped tables, or the folder named by
 * {@code -Dpolicy.folder=...} so that a business user can check edited tables without touching the code.
 */
final class PolicyUnderTest {

    static final String FOLDER_PROPERTY = "policy.folder";

    private static final Policy POLICY = compile();

    private PolicyUnderTest() {
    }

    static Policy get() {
        return POLICY;
    }

    private static Policy compile() {
        String folder = System.getProperty(FOLDER_PROPERTY, "");
        return new PolicyCompiler().compile(folder.isBlank() ? PolicyFiles.shipped() : PolicyFiles.fromFolder(Path.of(folder)));
    }
}
