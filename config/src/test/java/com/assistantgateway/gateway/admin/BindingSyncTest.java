package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.registry.BindingRow;
import com.assistantgateway.admin.registry.RegistryMapper;
import com.assistantgateway.routes.backbone.BindingRoutes;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several gateway instances share one registry, but a binding's change events reach only the instance that made it;
 * the periodic sync brings every other instance's channel routes in line.
 */
class BindingSyncTest extends AdminTestSupport {

    @Autowired
    RegistryMapper registryMapper;

    @Autowired
    BindingRoutes bindingRoutes;

    @Autowired
    CamelContext camel;

    @Test
    void aBindingWrittenByAnotherInstanceIsStartedRestartedWhenChangedAndStoppedWhenDisabled() {
        String id = "sms-" + sequence.incrementAndGet();
        String routeId = "sms.outbound.acme." + id;
        BindingRow row = new BindingRow(
                acme.tenant,
                new BindingId(id),
                new AssistantId("support"),
                new ChannelId("sms"),
                "+3120555" + String.format("%04d", sequence.get()),
                "{\"from\":\"+31205550000\"}",
                null,
                "active",
                Instant.now());

        // Written straight to the shared registry, as another instance writes it: no event reaches this one.
        registryMapper.insertBinding(row);
        assertThat(camel.getRoute(routeId)).isNull();
        bindingRoutes.reconcile();
        Route started = camel.getRoute(routeId);
        assertThat(started).isNotNull();

        bindingRoutes.reconcile();
        assertThat(camel.getRoute(routeId)).isSameAs(started);

        registryMapper.updateBinding(withSettingsAndStatus(row, "{\"from\":\"+31205550001\"}", "active"));
        bindingRoutes.reconcile();
        assertThat(camel.getRoute(routeId)).isNotNull().isNotSameAs(started);

        registryMapper.updateBinding(withSettingsAndStatus(row, "{\"from\":\"+31205550001\"}", "disabled"));
        bindingRoutes.reconcile();
        assertThat(camel.getRoute(routeId)).isNull();
        assertThat(camel.getRoute("backbone.bindings.sync")).isNotNull();
    }

    private static BindingRow withSettingsAndStatus(BindingRow row, String settings, String status) {
        return new BindingRow(
                row.tenantId(),
                row.id(),
                row.assistantId(),
                row.channel(),
                row.inboundKey(),
                settings,
                row.credentials(),
                status,
                row.createdAt());
    }
}
