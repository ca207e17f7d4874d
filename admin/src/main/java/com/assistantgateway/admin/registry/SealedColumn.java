package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.TenantId;

/** One stored credentials value, as master-key rotation reads it. */
public record SealedColumn(String kind, TenantId tenantId, String id, String credentials) {}
