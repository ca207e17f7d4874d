package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.TenantId;
import java.util.Optional;

/** The last seen version of each scraped page, per binding: how a scraper knows what changed. */
public interface PageSnapshots {

    Optional<PageSnapshot> find(TenantId tenantId, BindingId bindingId, String url);

    void save(PageSnapshot snapshot);
}
