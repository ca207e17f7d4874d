package com.assistantgateway.routes.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** An assistant of one tenant; unique within its tenant. */
public record AssistantId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @JsonCreator
    public AssistantId {
        Objects.requireNonNull(value, "assistantId");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid assistant id: " + value);
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
