package com.shopcare.complaints.service.access;

/**
 * Who is calling, as established by a key or a token: a shop (decides about its own complaints) or an admin
 * (operates the service and its policy). {@code rateLimited} is false only for the instance's own warm-up.
 */
public record Caller(String name, Role role, boolean rateLimited) {

    public enum Role { SHOP, ADMIN }

    String authority() {
        return "ROLE_" + role.name();
    }
}
