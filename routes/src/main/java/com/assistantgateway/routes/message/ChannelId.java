package com.assistantgateway.routes.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel type ({@code webhook}, {@code email}, {@code sms} ...), as bindings and messages carry it. Each channel
 * declares its own once, in its package; it is part of queue names and route ids, hence the narrow format.
 */
public record ChannelId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    @JsonCreator
    public ChannelId {
        Objects.requireNonNull(value, "channel");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid channel: " + value);
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
