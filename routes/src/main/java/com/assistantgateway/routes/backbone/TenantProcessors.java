package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.StartupCheck;
import com.assistantgateway.routes.port.TenantActivated;
import com.assistantgateway.routes.port.TenantDirectory;
import com.assistantgateway.routes.port.TenantSuspended;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts one processor route per active tenant (at startup and when a tenant is activated), stops a suspended
 * tenant's (its messages wait in its queue), and suspends or resumes one tenant without touching the others. Route ids
 * are {@code tenant.<slug>.assist}, visible per tenant in Hawtio. {@link #reconcile} applies tenants created or
 * suspended on other instances.
 */
@Component
public class TenantProcessors implements CamelContextConfiguration, StartupCheck {

    private static final Logger log = LoggerFactory.getLogger(TenantProcessors.class);

    private final TenantDirectory directory;
    private final RoutesProperties properties;
    private volatile CamelContext camelContext;
    private volatile boolean startedAll;

    public TenantProcessors(TenantDirectory directory, RoutesProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    public static String routeId(TenantId tenantId) {
        return "tenant." + tenantId.value() + ".assist";
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        this.camelContext = context;
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        this.camelContext = context;
        directory.activeTenants().forEach(this::start);
        startedAll = true;
    }

    @Override
    public Optional<String> pending() {
        return startedAll ? Optional.empty() : Optional.of("tenant processors starting");
    }

    @EventListener
    public void on(TenantActivated event) {
        if (camelContext != null && camelContext.isStarted()) {
            start(event.tenantId());
        }
    }

    @EventListener
    public void on(TenantSuspended event) {
        if (camelContext != null && camelContext.isStarted()) {
            stop(event.tenantId());
        }
    }

    /** Runs exactly the active tenants' processors here; called periodically by {@code backbone.bindings.sync}. */
    public synchronized void reconcile() {
        if (camelContext == null || !camelContext.isStarted()) {
            return;
        }
        Set<TenantId> active = new HashSet<>(directory.activeTenants());
        active.forEach(this::start);
        for (Route route : List.copyOf(camelContext.getRoutes())) {
            tenantOf(route.getRouteId())
                    .filter(tenant -> !active.contains(tenant))
                    .ifPresent(this::stop);
        }
    }

    /** The tenant whose processor a route is, if it is one. */
    static Optional<TenantId> tenantOf(String routeId) {
        if (!routeId.startsWith("tenant.") || !routeId.endsWith(".assist")) {
            return Optional.empty();
        }
        String slug = routeId.substring("tenant.".length(), routeId.length() - ".assist".length());
        return TenantId.isValid(slug) ? Optional.of(new TenantId(slug)) : Optional.empty();
    }

    private synchronized void stop(TenantId tenantId) {
        try {
            if (camelContext.getRoute(routeId(tenantId)) != null) {
                camelContext.getRouteController().stopRoute(routeId(tenantId));
                camelContext.removeRoute(routeId(tenantId));
                log.info("processor for tenant {} stopped; its messages wait in its queue", tenantId);
            }
        } catch (Exception e) {
            log.error("processor for tenant {} could not be stopped", tenantId, e);
        }
    }

    public synchronized void start(TenantId tenantId) {
        if (camelContext.getRoute(routeId(tenantId)) != null) {
            return;
        }
        try {
            TemplatedRouteBuilder.builder(camelContext, TenantProcessorTemplate.TEMPLATE_ID)
                    .routeId(routeId(tenantId))
                    .parameter(TenantProcessorTemplate.TENANT, tenantId.value())
                    .parameter(TenantProcessorTemplate.QUEUE, GatewayQueues.tenantQueue(tenantId))
                    .parameter(TenantProcessorTemplate.CONCURRENCY, properties.processorConcurrency())
                    .add();
            log.info("processor for tenant {} started on queue {}", tenantId, GatewayQueues.tenantQueue(tenantId));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the processor of tenant " + tenantId, e);
        }
    }

    /** Stops consuming the tenant's queue; its messages wait there, other tenants are unaffected. */
    public void suspend(TenantId tenantId) throws Exception {
        camelContext.getRouteController().suspendRoute(routeId(tenantId));
    }

    public void resume(TenantId tenantId) throws Exception {
        camelContext.getRouteController().resumeRoute(routeId(tenantId));
    }

    public ServiceStatus status(TenantId tenantId) {
        return camelContext.getRouteController().getRouteStatus(routeId(tenantId));
    }
}
