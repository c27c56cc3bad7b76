package com.shopcare.complaints.service.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** A caller authenticated by one of the configured API keys. */
final class KeyAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    KeyAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.authority())));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.name();
    }
}
