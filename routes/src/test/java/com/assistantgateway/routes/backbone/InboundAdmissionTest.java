package com.assistantgateway.routes.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.InboundLimits;
import com.assistantgateway.routes.port.InboundLimits.Refusal;
import com.assistantgateway.routes.port.InboundLimits.Reservation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private final GatewayMessage mail = GatewayMessage.inbound()
            .tenant(new TenantId("acme"))
            .assistant(new AssistantId("support"))
            .channel(new ChannelId("email"))
            .from("ann@customer.example")
            .to("support@acme.example")
            .text("Where is my order?")
            .build();
    private final GatewayMessage sms = GatewayMessage.inbound()
            .tenant(new TenantId("acme"))
            .assistant(new AssistantId("support"))
            .channel(new ChannelId("sms"))
            .from("+15550100")
            .to("+15550199")
            .text("Where is my order?")
            .metadata(Map.of("twilio.profileName", "Ann"))
            .build();

    @Test
    void aPushedMessageOverTheLimitIsRefusedWith429AndWhenToRetry() {
        var admission = new InboundAdmission(new FullFor(1, Duration.ofSeconds(20)), meters, clock);

        assertThatThrownBy(() -> admission.admit(mail))
                .isInstanceOfSatisfying(ChannelRequestException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.retryAfter()).hasValue(Duration.ofSeconds(20));
                    assertThat(refused.getMessage()).contains("60 messages a minute", "nothing was stored");
                });
        assertThat(count("gateway.limits.refused")).isEqualTo(1);
    }

    @Test
    void aPolledMessageOverTheLimitIsHeldAtItsSourceAndCounted() {
        var admission = new InboundAdmission(new FullFor(1, Duration.ofSeconds(20)), meters, clock);

        assertThatThrownBy(() -> admission.hold(mail))
                .isInstanceOf(InboundAdmission.HeldOverLimit.class)
                .hasMessageContaining("tenant acme is over its tenant limit of 60 messages a minute")
                .hasMessageContaining("left at the source");
        assertThat(count("gateway.limits.held")).isEqualTo(1);
        assertThat(admission.hold(mail)).isSameAs(mail);
    }

    @Test
    void aStreamedMessageWaitsUntilTheAllowanceHasRoomThenPasses() throws InterruptedException {
        FullFor limits = new FullFor(2, Duration.ofMillis(30));
        var admission = new InboundAdmission(limits, meters, clock);

        long start = System.nanoTime();
        assertThat(admission.await(mail)).isSameAs(mail);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(limits.asked).isEqualTo(3);
        assertThat(count("gateway.limits.paced")).isEqualTo(2);
    }

    @Test
    void anSmsWithinItsAllowanceIsLetInAsItIs() {
        var admission = new InboundAdmission(new Reserving(Duration.ZERO, null), meters, clock);

        assertThat(admission.defer(sms)).isSameAs(sms);
        assertThat(meters.find("gateway.limits.deferred").counter()).isNull();
    }

    @Test
    void anSmsOverTheLimitIsStoredToBeAnsweredWhenItsTurnComesAndCounted() {
        var admission = new InboundAdmission(new Reserving(Duration.ofSeconds(42), null), meters, clock);

        GatewayMessage deferred = admission.defer(sms);

        assertThat(deferred.notBefore()).hasValue(Instant.parse("2026-12-07T10:00:42Z"));
        assertThat(deferred.metadata()).containsEntry("twilio.profileName", "Ann");
        assertThat(deferred.withText(sms.text()).id()).isEqualTo(sms.id());
        assertThat(meters.counter("gateway.limits.deferred", "tenant", "acme", "channel", "sms")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anSmsWhoseTurnIsTooFarOffIsRefusedWith429AndNothingIsStored() {
        var admission = new InboundAdmission(
                new Reserving(Duration.ZERO, new Refusal("sender", 2, Duration.ofMinutes(20))), meters, clock);

        assertThatThrownBy(() -> admission.defer(sms))
                .isInstanceOfSatisfying(ChannelRequestException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.retryAfter()).hasValue(Duration.ofMinutes(20));
                    assertThat(refused.getMessage()).contains("sender", "2 messages a minute", "nothing was stored");
                });
        assertThat(meters.counter("gateway.limits.refused", "tenant", "acme", "channel", "sms", "limit", "sender")
                        .count())
                .isEqualTo(1);
    }

    private double count(String meter) {
        return meters.counter(meter, "tenant", "acme", "channel", "email", "limit", "tenant")
                .count();
    }

    /** Gives every message the same place in its allowance. */
    private record Reserving(Duration turnIn, Refusal refusal) implements InboundLimits {

        @Override
        public Reservation reserve(GatewayMessage inbound) {
            return new Reservation(turnIn, Optional.ofNullable(refusal));
        }

        @Override
        public Optional<Refusal> admit(GatewayMessage inbound) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Refusal> admitClient(String address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Usage usage(TenantId tenantId) {
            throw new UnsupportedOperationException();
        }
    }

    /** Refuses the first {@code refusals} messages, telling to retry after {@code wait}; then lets every one pass. */
    private static final class FullFor implements InboundLimits {
        private final int refusals;
        private final Duration wait;
        int asked;

        FullFor(int refusals, Duration wait) {
            this.refusals = refusals;
            this.wait = wait;
        }

        @Override
        public Optional<Refusal> admit(GatewayMessage inbound) {
            return ++asked <= refusals ? Optional.of(new Refusal("tenant", 60, wait)) : Optional.empty();
        }

        @Override
        public Reservation reserve(GatewayMessage inbound) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Refusal> admitClient(String address) {
            return Optional.empty();
        }

        @Override
        public Usage usage(TenantId tenantId) {
            return new Usage(60, 0, 0, "plan", 0, Long.MIN_VALUE);
        }
    }
}
