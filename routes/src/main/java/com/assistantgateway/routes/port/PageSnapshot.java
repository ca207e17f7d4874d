package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** A scraped page's extracted text and its SHA-256, as last seen. */
public record PageSnapshot(
        TenantId tenantId,
        BindingId bindingId,
        String url,
        String title,
        String contentSha256,
        String content,
        Instant fetchedAt) {}
