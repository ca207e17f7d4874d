package com.assistantgateway.routes.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant: a business running assistants. The value is the tenant slug, immutable once created, used in queue and route names. */
public record TenantId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @JsonCreator
    public TenantId {
        Objects.requireNonNull(value, "tenantId");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid tenant id: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
