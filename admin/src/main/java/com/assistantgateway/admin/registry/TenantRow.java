package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** A row of {@code tenants}. {@code locales} is a comma-separated list of BCP 47 tags. */
public record TenantRow(
        TenantId slug, String name, String plan, String sector, String locales, String status, Instant createdAt) {}
