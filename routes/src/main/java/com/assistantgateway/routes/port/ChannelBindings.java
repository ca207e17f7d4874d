package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import java.util.Optional;

/** Resolves where inbound traffic belongs. */
public interface ChannelBindings {

    /**
     * The one lookup without a tenant id: it is how a tenant is found from a channel's inbound key in the first place.
     * Only active bindings of active tenants are returned.
     */
    Optional<ChannelBinding> resolve(String channel, String inboundKey);

    Optional<ChannelBinding> find(TenantId tenantId, String bindingId);

    /**
     * Every active binding of a channel, across tenants: how channels that hold a connection per binding (a mailbox,
     * a topic, a crawl schedule) start their routes. Platform-level, like {@link #resolve}.
     */
    List<ChannelBinding> active(String channel);
}
