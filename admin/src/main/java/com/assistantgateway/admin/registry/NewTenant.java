package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.TenantId;
import java.util.List;

/** What it takes to register a tenant. */
public record NewTenant(TenantId slug, String name, String plan, String sector, List<String> locales) {}
