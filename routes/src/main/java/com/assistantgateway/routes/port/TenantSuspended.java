package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.TenantId;

/** Published when the platform suspends a tenant, so its processor and channel routes stop without a restart. */
public record TenantSuspended(TenantId tenantId) {}
