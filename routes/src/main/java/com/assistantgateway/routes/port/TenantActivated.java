package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.TenantId;

/** Published when a tenant becomes active, so its processor starts without a restart. */
public record TenantActivated(TenantId tenantId) {}
