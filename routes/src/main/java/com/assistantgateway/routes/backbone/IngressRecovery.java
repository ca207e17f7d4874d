package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.MessageLedger;
import com.assistantgateway.routes.port.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds stored messages whose enqueue was never confirmed (the process died between the database commit and the
 * broker commit) so the {@code backbone.ingress.recover} route can enqueue them again: an accepted message is never
 * left behind.
 */
@Component
public class IngressRecovery {

    private static final Logger log = LoggerFactory.getLogger(IngressRecovery.class);

    private final MessageLedger ledger;
    private final TenantDirectory directory;
    private final RoutesProperties.Recovery settings;
    private final Clock clock;

    public IngressRecovery(MessageLedger ledger, TenantDirectory directory, RoutesProperties properties, Clock clock) {
        this.ledger = ledger;
        this.directory = directory;
        this.settings = properties.recovery();
        this.clock = clock;
    }

    public List<GatewayMessage> unconfirmed() {
        Instant before = clock.instant().minus(settings.age());
        List<GatewayMessage> found = new ArrayList<>();
        for (TenantId tenant : directory.activeTenants()) {
            found.addAll(ledger.unconfirmed(tenant, before, settings.batch()));
        }
        if (!found.isEmpty()) {
            log.warn("enqueuing {} stored messages again whose enqueue was never confirmed", found.size());
        }
        return found;
    }

    public void confirm(
            @Header(GatewayHeaders.TENANT_ID) String tenantId, @Header(GatewayHeaders.MESSAGE_ID) String messageId) {
        ledger.markQueued(new TenantId(tenantId), List.of(new MessageId(messageId)));
    }
}
