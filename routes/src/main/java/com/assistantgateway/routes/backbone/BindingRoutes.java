package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.BindingState;
import com.assistantgateway.routes.port.BindingStates;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindingActivated;
import com.assistantgateway.routes.port.ChannelBindingDeactivated;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.StartupCheck;
import com.assistantgateway.routes.port.TenantActivated;
import com.assistantgateway.routes.port.TenantSuspended;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the per-binding routes of every {@link BindingRouteSet}. Route ids are {@code
 * <channel>.<direction>.<tenant>.<binding>}, so operators find a tenant's mailbox or topic in Hawtio by name; each
 * binding's route ids are recorded as they are added, and exactly those are stopped again. A binding whose routes
 * cannot start (a wrong host, say) is logged and skipped until it changes; it never keeps the others from starting.
 * Changes made on this instance apply at once (events); {@link #reconcile} applies those made on other instances,
 * which share the registry but not the events. A polling binding's routes run only where {@link PollingOwnership}
 * says, and move when its owner changes.
 */
@Component
public class BindingRoutes implements CamelContextConfiguration, BindingStates, StartupCheck {

    private static final Logger log = LoggerFactory.getLogger(BindingRoutes.class);

    private final ChannelBindings bindings;
    private final List<BindingRouteSet> channels;
    /** The bindings whose routes run here, as they were when started, with the ids of those routes. */
    private final Map<Key, Started> started = new ConcurrentHashMap<>();
    /** The bindings that could not start, as they were then, and why. */
    private final Map<Key, Failed> failed = new ConcurrentHashMap<>();
    /** Polling bindings that another instance owns. */
    private final Set<Key> elsewhere = ConcurrentHashMap.newKeySet();

    private final MeterRegistry meters;
    private final PollingOwnership ownership;
    private volatile CamelContext camelContext;
    private volatile boolean startedAll;

    public BindingRoutes(
            ChannelBindings bindings,
            List<BindingRouteSet> channels,
            MeterRegistry meters,
            PollingOwnership ownership) {
        this.bindings = bindings;
        this.channels = channels;
        this.meters = meters;
        this.ownership = ownership;
    }

    public static String routeId(ChannelId channel, String direction, ChannelBinding binding) {
        return channel.value() + "." + direction + "." + binding.tenantId().value() + "."
                + binding.id().value();
    }

    /**
     * A JMS selector for one binding's share of its channel's outbound queue. Tenant and binding ids are restricted to
     * letters, digits and {@code - _ .}, so they are safe inside the selector's string literals.
     */
    public static String selector(ChannelBinding binding) {
        return GatewayHeaders.TENANT_ID + " = '" + binding.tenantId().value() + "' AND " + GatewayHeaders.BINDING_ID
                + " = '" + binding.id().value() + "'";
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        this.camelContext = context;
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        this.camelContext = context;
        try {
            ownership.join(context, this::reconcile);
        } catch (Exception e) {
            throw new IllegalStateException("cannot join the election of polling owners", e);
        }
        for (BindingRouteSet channel : channels) {
            bindings.active(channel.channel()).forEach(binding -> start(channel, binding));
        }
        startedAll = true;
    }

    /** Ready once every active binding's routes have been started (or found unable to start, which it reports). */
    @Override
    public Optional<String> pending() {
        return startedAll ? Optional.empty() : Optional.of("channel routes starting");
    }

    @EventListener
    public void on(ChannelBindingActivated event) {
        if (camelContext == null || !camelContext.isStarted()) {
            return;
        }
        channels.stream()
                .filter(channel -> channel.channel().equals(event.channel()))
                .forEach(channel -> bindings.find(event.tenantId(), event.bindingId())
                        .ifPresent(binding -> start(channel, binding)));
    }

    /** Stops and removes a binding's routes; a changed binding that stays active is started again after this. */
    @EventListener
    public void on(ChannelBindingDeactivated event) {
        stop(new Key(event.tenantId(), event.bindingId()));
    }

    /** A suspended tenant's mailboxes, topics and crawls stop at once; its bindings stay as they are. */
    @EventListener
    public synchronized void on(TenantSuspended event) {
        List.copyOf(started.keySet()).stream()
                .filter(key -> key.tenant().equals(event.tenantId()))
                .forEach(this::stop);
    }

    @EventListener
    public void on(TenantActivated event) {
        reconcile();
    }

    /**
     * Brings this instance's routes in line with the registry: starts bindings activated elsewhere, restarts changed
     * ones, stops those deactivated, deleted or of a tenant suspended since. Called periodically by {@code
     * backbone.bindings.sync}.
     */
    public synchronized void reconcile() {
        if (camelContext == null || !camelContext.isStarted()) {
            return;
        }
        Map<Key, ChannelBinding> active = new HashMap<>();
        for (BindingRouteSet channel : channels) {
            for (ChannelBinding binding : bindings.active(channel.channel())) {
                Key key = Key.of(binding);
                active.put(key, binding);
                Started running = started.get(key);
                if (running != null
                        && (!running.binding().equals(binding) || channel.polls() && !ownership.owns(binding))) {
                    stop(key);
                }
                Failed failure = failed.get(key);
                if (failure == null || !binding.equals(failure.binding())) {
                    start(channel, binding);
                }
            }
        }
        for (Key running : List.copyOf(started.keySet())) {
            if (!active.containsKey(running)) {
                stop(running);
            }
        }
        elsewhere.retainAll(active.keySet());
    }

    /** The ids of the routes running for a binding here; empty when none is. */
    public List<String> routesOf(ChannelBinding binding) {
        Started running = started.get(Key.of(binding));
        return running == null ? List.of() : running.routeIds();
    }

    /**
     * A binding's state here, from Camel's own consumer health checks of its routes (a mailbox poll that keeps
     * failing is {@code failing}). These checks are kept out of the platform's health: one tenant's unreachable
     * mailbox is that tenant's concern, not a reason to take the gateway out of service.
     */
    @Override
    public BindingState state(TenantId tenantId, BindingId bindingId, boolean active) {
        Key key = new Key(tenantId, bindingId);
        Failed failure = failed.get(key);
        if (failure != null) {
            return new BindingState(BindingState.NOT_STARTED, failure.reason());
        }
        if (!active) {
            return new BindingState(BindingState.STOPPED, null);
        }
        if (elsewhere.contains(key)) {
            return new BindingState(BindingState.ELSEWHERE, "another instance of the cluster polls it");
        }
        Started running = started.get(key);
        HealthCheckRegistry health = camelContext == null ? null : HealthCheckRegistry.get(camelContext);
        if (running == null || health == null) {
            return BindingState.running();
        }
        for (String routeId : running.routeIds()) {
            Optional<HealthCheck> check = health.getCheck("consumer:" + routeId);
            if (check.isPresent()) {
                HealthCheck.Result result = check.get().call();
                if (result.getState() == HealthCheck.State.DOWN) {
                    // Camel reports a consumer that has not polled yet as down too; that is a binding starting up.
                    return result.getDetails().get(HealthCheck.FAILURE_ERROR_COUNT) instanceof Number errors
                                    && errors.longValue() > 0
                            ? new BindingState(BindingState.FAILING, describe(result))
                            : new BindingState(BindingState.STARTING, null);
                }
            }
        }
        return BindingState.running();
    }

    private static String describe(HealthCheck.Result result) {
        return result.getError()
                .map(BindingRoutes::reason)
                .or(result::getMessage)
                .orElse("its connection keeps failing");
    }

    private synchronized void stop(Key key) {
        CamelContext context = camelContext;
        failed.remove(key);
        elsewhere.remove(key);
        Started running = started.remove(key);
        if (context == null || running == null) {
            return;
        }
        remove(context, running.routeIds());
        meters.remove(running.gauge());
        log.info("routes of binding {}/{} stopped", key.tenant(), key.binding());
    }

    private synchronized void start(BindingRouteSet channel, ChannelBinding binding) {
        Key key = Key.of(binding);
        if (started.containsKey(key)) {
            return;
        }
        if (channel.polls() && !ownership.owns(binding)) {
            elsewhere.add(key);
            return;
        }
        elsewhere.remove(key);
        List<String> routeIds = new ArrayList<>();
        try {
            channel.addRoutes(camelContext, binding, routeIds);
            Gauge up = Gauge.builder(
                            "gateway.binding.up",
                            this,
                            routes -> routes.state(binding.tenantId(), binding.id(), true)
                                            .healthy()
                                    ? 1
                                    : 0)
                    .description("1 while the binding's routes run and its connection works here, else 0")
                    .tags(
                            "tenant",
                            binding.tenantId().value(),
                            "binding",
                            binding.id().value(),
                            "channel",
                            binding.channel().value())
                    .register(meters);
            started.put(key, new Started(binding, List.copyOf(routeIds), up));
            failed.remove(key);
            log.info("routes of binding {} started: {}", binding, routeIds);
        } catch (Exception e) {
            remove(camelContext, routeIds);
            failed.put(key, new Failed(binding, reason(e)));
            log.error("routes of binding {} could not start; the other bindings are unaffected", binding, e);
        }
    }

    private static void remove(CamelContext context, List<String> routeIds) {
        for (String routeId : routeIds) {
            try {
                context.getRouteController().stopRoute(routeId);
                context.removeRoute(routeId);
            } catch (Exception e) {
                log.error("route {} could not be stopped", routeId, e);
            }
        }
    }

    /** A binding by tenant and id: binding ids may hold dots, so no string joined from both identifies one. */
    private record Key(TenantId tenant, BindingId binding) {
        static Key of(ChannelBinding binding) {
            return new Key(binding.tenantId(), binding.id());
        }
    }

    private record Started(ChannelBinding binding, List<String> routeIds, Gauge gauge) {}

    private record Failed(ChannelBinding binding, String reason) {}

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
