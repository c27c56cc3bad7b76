package com.shopcare.complaints.service;

/** The plain keys whose SHA-256 the test configuration (src/test/resources/config/application.yaml) holds. */
public final class TestKeys {

    /** The shop of the README's example, used by most tests. */
    public static final String SHOP_EU_1 = "shop-eu-1-test-key";
    /** A second shop, to show that shops do not affect one another. */
    public static final String SHOP_B = "shop-b-test-key";
    /** A shop whose rate limit a test uses up on purpose. */
    public static final String SHOP_FLOOD = "shop-flood-test-key";
    /** The shop the generated negative suite and the concurrency test send as. */
    public static final String SHOP_FUZZ = "shop-fuzz-test-key";
    /** A shop that sends large bodies, which its rate limit counts by size. */
    public static final String SHOP_HEAVY = "shop-heavy-test-key";
    public static final String ADMIN = "ops-test-admin-key";
    /** The scraper's key: /actuator/prometheus and nothing else. */
    public static final String METRICS = "prometheus-test-metrics-key";
    /** A second admin, "lead", the other pair of eyes where approvals are required. */
    public static final String SECOND_ADMIN = "lead-test-admin-key";

    private TestKeys() {
    }
}
