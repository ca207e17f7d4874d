package com.assistantgateway.admin.security;

import org.springframework.security.authentication.AccountStatusException;

/** A sign-in with the right password to a tenant the platform has suspended: refused, and the user told why. */
public class TenantSuspended extends AccountStatusException {

    public TenantSuspended() {
        super("Your organisation's account is suspended; ask the platform's operator to reactivate it.");
    }
}
