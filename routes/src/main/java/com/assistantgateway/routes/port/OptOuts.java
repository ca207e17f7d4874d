package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** Per tenant, the addresses (phone numbers) that opted out of messages with STOP and friends. */
public interface OptOuts {

    boolean isOptedOut(TenantId tenantId, String address);

    void optOut(TenantId tenantId, String address, String keyword, Instant at);

    void optIn(TenantId tenantId, String address);
}
