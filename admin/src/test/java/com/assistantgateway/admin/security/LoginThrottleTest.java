package com.assistantgateway.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private void fail(String email, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(email);
        }
    }

    @Test
    void fiveWrongPasswordsAreFreeThenTheAddressPausesAMinute() {
        fail("ann@acme.test", 4);
        assertThat(throttle.pause("ann@acme.test")).isZero();

        fail("ann@acme.test", 1);
        assertThat(throttle.pause("ann@acme.test")).isEqualTo(Duration.ofMinutes(1));

        now = now.plusSeconds(45);
        assertThat(throttle.pause("ANN@acme.test ")).isEqualTo(Duration.ofSeconds(15));
        now = now.plusSeconds(15);
        assertThat(throttle.pause("ann@acme.test")).isZero();
    }

    @Test
    void eachFurtherFailureDoublesThePauseUpToFifteenMinutes() {
        fail("bob@acme.test", 6);
        assertThat(throttle.pause("bob@acme.test")).isEqualTo(Duration.ofMinutes(2));

        fail("bob@acme.test", 1);
        assertThat(throttle.pause("bob@acme.test")).isEqualTo(Duration.ofMinutes(4));

        fail("bob@acme.test", 10);
        assertThat(throttle.pause("bob@acme.test")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aCorrectPasswordClearsTheCountAndOtherAddressesAreNeverAffected() {
        fail("cat@acme.test", 5);

        assertThat(throttle.pause("dan@acme.test")).isZero();
        throttle.succeeded("cat@acme.test");
        assertThat(throttle.pause("cat@acme.test")).isZero();
        fail("cat@acme.test", 4);
        assertThat(throttle.pause("cat@acme.test")).isZero();
    }
}
