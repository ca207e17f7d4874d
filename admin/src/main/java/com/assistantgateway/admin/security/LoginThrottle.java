package com.assistantgateway.admin.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing per email address: after {@value #FREE_FAILURES} wrong passwords in a row, each attempt must
 * wait a pause that doubles with every further failure (1 minute, 2, 4 ... up to 15), and an attempt during the pause
 * is refused without checking the password, so guessing costs the server no Argon2 work either. A correct password
 * clears the count; a quiet hour forgets it. Kept in memory, per gateway instance.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);

    private record Failures(int count, Instant lastAt) {}

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this address must still wait before its next attempt; zero when it may try now. */
    public Duration pause(String email) {
        Failures past = failures.getIfPresent(key(email));
        if (past == null || past.count() < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(4, past.count() - FREE_FAILURES));
        Duration left = Duration.between(clock.instant(), past.lastAt().plus(min(pause, LONGEST_PAUSE)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String email) {
        failures.asMap()
                .merge(
                        key(email),
                        new Failures(1, clock.instant()),
                        (past, now) -> new Failures(past.count() + 1, now.lastAt()));
    }

    public void succeeded(String email) {
        failures.invalidate(key(email));
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
