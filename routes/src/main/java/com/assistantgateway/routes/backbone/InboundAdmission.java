package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.InboundLimits;
import com.assistantgateway.routes.port.InboundLimits.Refusal;
import com.assistantgateway.routes.port.InboundLimits.Reservation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Holds inbound messages to their tenant's and sender's limits, before anything is stored, in the way each kind of
 * channel can take it:
 *
 * <ul>
 *   <li>{@link #admit}, pushed channels (HTTP): refused with {@code 429} and {@code Retry-After}; the sender retries.
 *       Counted in {@code gateway.limits.refused}.
 *   <li>{@link #defer}, pushed channels whose sender does not retry (Twilio drops a refused SMS): stored and held
 *       on the tenant's queue until its turn, the allowance going into debt so that later messages queue behind it.
 *       Counted in {@code gateway.limits.deferred}.
 *   <li>{@link #hold}, polled sources that keep what is not acknowledged (a mailbox): left at the source and met
 *       again at the next poll, so the poll interval paces them. Counted in {@code gateway.limits.held}.
 *   <li>{@link #await}, sources read in order that would hand the same item straight back (a Kafka partition): the
 *       consumer waits until the allowance has room, then goes on. Counted in {@code gateway.limits.paced}.
 * </ul>
 */
@Component
public class InboundAdmission {

    private static final Duration LONGEST_LOOK = Duration.ofSeconds(1);

    private final InboundLimits limits;
    private final MeterRegistry meters;
    private final Clock clock;

    public InboundAdmission(InboundLimits limits, MeterRegistry meters, Clock clock) {
        this.limits = limits;
        this.meters = meters;
        this.clock = clock;
    }

    /** Lets a pushed message in, or throws the {@code 429} refusal. */
    public GatewayMessage admit(GatewayMessage inbound) {
        Optional<Refusal> refusal = limits.admit(inbound);
        if (refusal.isPresent()) {
            Refusal over = refusal.get();
            count("gateway.limits.refused", inbound, over);
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

    /**
     * Lets a pushed message in whose sender cannot be asked to retry, now or, over the limit, stored to be answered
     * when its turn comes ({@link GatewayMessage#deferredUntil}); refused with {@code 429} only when that turn is
     * further off than the limits let a message wait.
     */
    public GatewayMessage defer(GatewayMessage inbound) {
        Reservation reservation = limits.reserve(inbound);
        if (reservation.refusal().isPresent()) {
            Refusal over = reservation.refusal().get();
            count("gateway.limits.refused", inbound, over);
            throw ChannelRequestException.rateLimited(
                    "The " + over.limit() + " is so far over its limit of " + over.perMinute()
                            + " messages a minute that this one would wait too long for its turn; nothing was stored.",
                    over.retryAfter());
        }
        if (reservation.turnIn().isZero()) {
            return inbound;
        }
        meters.counter(
                        "gateway.limits.deferred",
                        "tenant",
                        inbound.tenantId().value(),
                        "channel",
                        inbound.channel().value())
                .increment();
        return inbound.deferredUntil(clock.instant().plus(reservation.turnIn()));
    }

    /** Lets a polled message in, or throws {@link HeldOverLimit} so that the source keeps it for the next poll. */
    public GatewayMessage hold(GatewayMessage inbound) {
        Optional<Refusal> refusal = limits.admit(inbound);
        if (refusal.isPresent()) {
            count("gateway.limits.held", inbound, refusal.get());
            throw new HeldOverLimit(inbound, refusal.get());
        }
        return inbound;
    }

    /**
     * Lets a message in once its allowance has room, waiting as the limit says (interruptibly), a second at most
     * between looks so that a limit raised meanwhile applies at once.
     */
    public GatewayMessage await(GatewayMessage inbound) throws InterruptedException {
        for (Optional<Refusal> refusal = limits.admit(inbound); refusal.isPresent(); refusal = limits.admit(inbound)) {
            count("gateway.limits.paced", inbound, refusal.get());
            Duration wait = refusal.get().retryAfter();
            Thread.sleep(Math.max(1, Math.min(LONGEST_LOOK.toMillis(), wait.toMillis())));
        }
        return inbound;
    }

    private void count(String meter, GatewayMessage inbound, Refusal over) {
        meters.counter(
                        meter,
                        "tenant",
                        inbound.tenantId().value(),
                        "channel",
                        inbound.channel().value(),
                        "limit",
                        over.limit())
                .increment();
    }

    /** A polled message over its tenant's or sender's limit, left where it came from for a later poll. */
    public static final class HeldOverLimit extends RuntimeException {

        HeldOverLimit(GatewayMessage inbound, Refusal over) {
            super("tenant " + inbound.tenantId().value() + " is over its " + over.limit() + " limit of "
                    + over.perMinute() + " messages a minute; left at the source until a later poll (room in "
                    + over.retryAfter().toSeconds() + " s)");
        }
    }
}
