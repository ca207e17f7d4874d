package com.assistantgateway.gateway.readiness;

import com.assistantgateway.routes.port.StartupCheck;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ready means ready to serve: the {@code startup} health component (part of {@code /actuator/health/readiness} and
 * of {@code /actuator/health}) is out of service until the application has started and every {@link StartupCheck}
 * is done: channel routes and tenant processors started, the demo's knowledge indexed. The first time it is, {@link
 * GatewayReady} is published (the demo prints where to send a first message then, not before).
 */
@Component("startup")
public class Readiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(Readiness.class);

    private final List<StartupCheck> checks;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean applicationStarted = new AtomicBoolean();
    private final AtomicBoolean announced = new AtomicBoolean();

    public Readiness(List<StartupCheck> checks, ApplicationEventPublisher events) {
        this.checks = checks;
        this.events = events;
    }

    @Override
    public Health health() {
        List<String> waiting = waitingFor();
        if (waiting.isEmpty()) {
            announceWhenReady(); // whoever sees ready first (a probe, a request) makes it so for everyone
            return Health.up().build();
        }
        return Health.outOfService().withDetail("waitingFor", waiting).build();
    }

    List<String> waitingFor() {
        if (!applicationStarted.get()) {
            return List.of("application starting");
        }
        return checks.stream()
                .map(StartupCheck::pending)
                .flatMap(Optional::stream)
                .toList();
    }

    @EventListener
    void on(ApplicationReadyEvent event) {
        applicationStarted.set(true);
        announceWhenReady();
    }

    /** Whether the gateway has been ready to serve since it started; it stays so however readiness changes later. */
    public boolean hasBeenReady() {
        if (!announced.get()) {
            announceWhenReady();
        }
        return announced.get();
    }

    /** Publishes {@link GatewayReady} once, as soon as nothing is waited for any more. */
    @Scheduled(fixedDelay = 250, initialDelay = 250)
    void announceWhenReady() {
        if (announced.get() || !waitingFor().isEmpty()) {
            return;
        }
        if (announced.compareAndSet(false, true)) {
            log.info("ready to serve");
            events.publishEvent(new GatewayReady());
        }
    }

    /** The gateway is ready to serve, for the first time since it started. */
    public record GatewayReady() {}
}
