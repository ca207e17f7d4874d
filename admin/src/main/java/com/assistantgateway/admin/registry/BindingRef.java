package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.TenantId;

/** What an inbound key resolves to: a tenant and a binding id, nothing more. */
public record BindingRef(TenantId tenantId, String id) {}
