package com.assistantgateway.admin.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link GatewayPrincipal}; platform admins also hold {@code ROLE_PLATFORM_ADMIN} (Hawtio, metrics). */
public class PrincipalAuthentication extends AbstractAuthenticationToken {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private final GatewayPrincipal principal;

    public PrincipalAuthentication(GatewayPrincipal principal) {
        super(authorities(principal));
        this.principal = principal;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(GatewayPrincipal principal) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        principal.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.scope())));
        if (principal.isPlatformAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + PLATFORM_ADMIN));
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public GatewayPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
