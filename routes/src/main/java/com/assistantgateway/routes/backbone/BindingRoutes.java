package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindingActivated;
import com.assistantgateway.routes.port.ChannelBindingDeactivated;
import com.assistantgateway.routes.port.ChannelBindings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the per-binding routes of every {@link BindingRouteSet}. Route ids are {@code
 * <channel>.<direction>.<tenant>.<binding>}, so operators find a tenant's mailbox or topic in Hawtio by name. A binding
 * whose routes cannot start (a wrong host, say) is logged and skipped until it changes; it never keeps the others from
 * starting. Changes made on this instance apply at once (events); {@link #reconcile} applies those made on other
 * instances, which share the registry but not the events.
 */
@Component
public class BindingRoutes implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BindingRoutes.class);

    private final ChannelBindings bindings;
    private final List<BindingRouteSet> channels;
    /** The bindings whose routes run here, as they were when started; and those that could not start. */
    private final Map<String, ChannelBinding> started = new ConcurrentHashMap<>();

    private final Map<String, ChannelBinding> failed = new ConcurrentHashMap<>();
    private volatile CamelContext camelContext;

    public BindingRoutes(ChannelBindings bindings, List<BindingRouteSet> channels) {
        this.bindings = bindings;
        this.channels = channels;
    }

    public static String routeId(String channel, String direction, ChannelBinding binding) {
        return channel + "." + direction + "." + binding.tenantId().value() + "." + binding.id();
    }

    /**
     * A JMS selector for one binding's share of its channel's outbound queue. Tenant and binding ids are restricted to
     * letters, digits and {@code - _ .}, so they are safe inside the selector's string literals.
     */
    public static String selector(ChannelBinding binding) {
        return GatewayHeaders.TENANT_ID + " = '" + binding.tenantId().value() + "' AND " + GatewayHeaders.BINDING_ID
                + " = '" + binding.id() + "'";
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        this.camelContext = context;
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        this.camelContext = context;
        for (BindingRouteSet channel : channels) {
            bindings.active(channel.channel()).forEach(binding -> start(channel, binding));
        }
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
        stop(event.channel(), event.tenantId().value(), event.bindingId());
    }

    /**
     * Brings this instance's routes in line with the registry: starts bindings activated elsewhere, restarts changed
     * ones, stops those deactivated or deleted. Called periodically by {@code backbone.bindings.sync}.
     */
    public synchronized void reconcile() {
        if (camelContext == null || !camelContext.isStarted()) {
            return;
        }
        Map<String, ChannelBinding> active = new HashMap<>();
        for (BindingRouteSet channel : channels) {
            for (ChannelBinding binding : bindings.active(channel.channel())) {
                active.put(key(binding), binding);
                ChannelBinding running = started.get(key(binding));
                if (running != null && !running.equals(binding)) {
                    stop(binding.channel(), binding.tenantId().value(), binding.id());
                }
                if (!binding.equals(failed.get(key(binding)))) {
                    start(channel, binding);
                }
            }
        }
        for (ChannelBinding running : List.copyOf(started.values())) {
            if (!active.containsKey(key(running))) {
                stop(running.channel(), running.tenantId().value(), running.id());
            }
        }
    }

    private synchronized void stop(String channel, String tenant, String bindingId) {
        CamelContext context = camelContext;
        failed.remove(key(tenant, bindingId));
        if (context == null || started.remove(key(tenant, bindingId)) == null) {
            return;
        }
        String suffix = "." + tenant + "." + bindingId;
        for (Route route : List.copyOf(context.getRoutes())) {
            if (route.getRouteId().startsWith(channel + ".")
                    && route.getRouteId().endsWith(suffix)) {
                try {
                    context.getRouteController().stopRoute(route.getRouteId());
                    context.removeRoute(route.getRouteId());
                } catch (Exception e) {
                    log.error("route {} could not be stopped", route.getRouteId(), e);
                }
            }
        }
        log.info("routes of binding {}/{} stopped", tenant, bindingId);
    }

    private synchronized void start(BindingRouteSet channel, ChannelBinding binding) {
        if (started.putIfAbsent(key(binding), binding) != null) {
            return;
        }
        try {
            channel.addRoutes(camelContext, binding);
            failed.remove(key(binding));
            log.info("routes of binding {} started", binding);
        } catch (Exception e) {
            started.remove(key(binding));
            failed.put(key(binding), binding);
            log.error("routes of binding {} could not start; the other bindings are unaffected", binding, e);
        }
    }

    private static String key(ChannelBinding binding) {
        return key(binding.tenantId().value(), binding.id());
    }

    private static String key(String tenant, String bindingId) {
        return tenant + "/" + bindingId;
    }
}
