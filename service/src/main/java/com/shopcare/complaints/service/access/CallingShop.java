package com.shopcare.complaints.service.access;

import com.shopcare.complaints.service.system.ForeignShopException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The shop a decision request is about: the shop of the caller's key or token, and no other. */
@Component
public class CallingShop {

    /**
     * @param requested the request's {@code shopId}, or null
     * @return the caller's shop, which equals {@code requested} when one was given
     * @throws ForeignShopException when the request names another shop
     */
    public String resolve(String requested) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("decisions are only reached by authenticated shops");
        }
        String shop = authentication.getName();
        if (requested != null && !requested.equals(shop)) {
            throw new ForeignShopException("This key belongs to shop '" + shop + "'; it cannot ask for decisions of shop '"
                    + requested + "'.");
        }
        return shop;
    }

    /** Whether the caller is the instance itself (its warm-up), whose decisions are neither logged nor counted. */
    public boolean isInstanceOwn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller && caller.instanceOwn();
    }
}
