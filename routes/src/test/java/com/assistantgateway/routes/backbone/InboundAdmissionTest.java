package com.assistantgateway.routes.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.InboundLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GatewayMessage mail = GatewayMessage.inbound()
            .tenant(new TenantId("acme"))
            .assistant(new AssistantId("support"))
            .channel(new ChannelId("email"))
            .from("ann@customer.example")
            .to("support@acme.example")
            .text("Where is my order?")
            .build();

    @Test
    void aPushedMessageOverTheLimitIsRefusedWith429AndWhenToRetry() {
        var admission = new InboundAdmission(new FullFor(1, Duration.ofSeconds(20)), meters);

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
        var admission = new InboundAdmission(new FullFor(1, Duration.ofSeconds(20)), meters);

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
        var admission = new InboundAdmission(limits, meters);

        long start = System.nanoTime();
        assertThat(admission.await(mail)).isSameAs(mail);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(limits.asked).isEqualTo(3);
        assertThat(count("gateway.limits.paced")).isEqualTo(2);
    }

    private double count(String meter) {
        return meters.counter(meter, "tenant", "acme", "channel", "email", "limit", "tenant")
                .count();
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
        public Optional<Refusal> admitClient(String address) {
            return Optional.empty();
        }

        @Override
        public Usage usage(TenantId tenantId) {
            return new Usage(60, 0, 0, "plan", 0, Long.MIN_VALUE);
        }
    }
}
