package com.assistantgateway.admin.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The console's (and Hawtio's) form login: email and password checked against {@link Users}. */
@Component
public class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final Users users;

    public PasswordAuthenticationProvider(Users users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return users.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()))
                .map(PrincipalAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("wrong email or password"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
