package com.shopcare.complaints.service.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The admin calling a policy endpoint, by the name of their key: it is recorded with what they publish. */
@Component
public class CallingAdmin {

    public String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("policy administration is only reached by authenticated admins");
        }
        return authentication.getName();
    }
}
