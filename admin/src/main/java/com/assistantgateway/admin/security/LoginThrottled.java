package com.assistantgateway.admin.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** A sign-in refused unchecked because its address failed too often lately; it may try again after {@link #retryAfter}. */
public class LoginThrottled extends LockedException {

    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super("Too many failed sign-ins for this address. Try again in " + minutes(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }
}
