package com.assistantgateway.routes.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel binding of one tenant; unique within its tenant, not across tenants. It may hold dots, so a binding is
 * only ever found by tenant and binding id together, never by a string joined from both.
 */
public record BindingId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @JsonCreator
    public BindingId {
        Objects.requireNonNull(value, "bindingId");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid binding id: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The binding id, or null for a stored message that has none. */
    public static BindingId ofNullable(String value) {
        return value == null ? null : new BindingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
