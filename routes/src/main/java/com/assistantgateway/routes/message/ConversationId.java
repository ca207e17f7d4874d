package com.assistantgateway.routes.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A conversation within one tenant. Callers may name their own (webhook `conversationId`), so it is unique only per tenant. */
public record ConversationId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}");

    @JsonCreator
    public ConversationId {
        Objects.requireNonNull(value, "conversationId");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid conversation id: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
