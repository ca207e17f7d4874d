package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.InboundLimits;
import com.assistantgateway.routes.port.InboundLimits.Refusal;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lets a pushed message in, or refuses it with {@code 429} and {@code Retry-After} when its tenant or its sender is
 * over the limit. Called before anything is stored, so a refused message leaves nothing behind; each refusal is
 * counted in {@code gateway.limits.refused}.
 */
@Component
public class InboundAdmission {

    private final InboundLimits limits;
    private final MeterRegistry meters;

    public InboundAdmission(InboundLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
    }

    public GatewayMessage admit(GatewayMessage inbound) {
        Optional<Refusal> refusal = limits.admit(inbound);
        if (refusal.isPresent()) {
            Refusal over = refusal.get();
            meters.counter(
                            "gateway.limits.refused",
                            "tenant",
                            inbound.tenantId().value(),
                            "channel",
                            inbound.channel().value(),
                            "limit",
                            over.limit())
                    .increment();
            throw ChannelRequestException.rateLimited(
                    switch (over.limit()) {
                        case "sender" -> "This sender is over its limit of " + over.perMinute()
                                + " messages a minute on this binding; nothing was stored.";
                        default -> "The tenant is over its limit of " + over.perMinute()
                                + " messages a minute; nothing was stored.";
                    },
                    over.retryAfter());
        }
        return inbound;
    }
}
