package com.assistantgateway.routes.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A message stored by the gateway, inbound or reply; a UUID. */
public record MessageId(@JsonValue String value) {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator
    public MessageId {
        Objects.requireNonNull(value, "messageId");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid message id: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
