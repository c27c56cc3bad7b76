package com.shopcare.complaints.service.access;

/**
 * Who is calling, as established by a key or a token: a shop (decides about its own complaints), an admin
 * (operates the service and its policy), or a metrics scraper (reads {@code /actuator/prometheus} and nothing else). {@code rateLimited} is false only for the keys an instance makes for itself
 * (its warm-up), which are also left out of the decision log and the metrics.
 */
public record Caller(String name, Role role, boolean rateLimited) {

    public enum Role { SHOP, ADMIN, METRICS }

    /** The instance's own traffic, e.g. its warm-up: a shop's dashboard and log show none of it. */
    public boolean instanceOwn() {
        return !rateLimited;
    }

    String authority() {
        return "ROLE_" + role.name();
    }
}
