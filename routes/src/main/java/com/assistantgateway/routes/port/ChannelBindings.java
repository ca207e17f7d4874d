package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import java.util.Optional;

/** Resolves where inbound traffic belongs. */
public interface ChannelBindings {

    /**
     * The one lookup without a tenant id: it is how a tenant is found from a channel's inbound key in the first place.
     * Only active bindings of active tenants are returned.
     */
    Optional<ChannelBinding> resolve(ChannelId channel, String inboundKey);

    /** Whether the inbound key names an active binding of a suspended tenant: such requests are refused, saying why. */
    boolean suspended(ChannelId channel, String inboundKey);

    /**
     * The binding a request to an HTTP channel is for, or the refusal its caller gets: 403 when its tenant is
     * suspended, 404 when there is no such binding.
     */
    default ChannelBinding require(ChannelId channel, String inboundKey) {
        String key = inboundKey == null ? "" : inboundKey;
        return resolve(channel, key)
                .orElseThrow(() -> suspended(channel, key)
                        ? new ChannelRequestException(
                                403,
                                "tenant-suspended",
                                "The tenant of this " + channel + " binding is suspended; nothing is"
                                        + " accepted until the platform's operator reactivates it.")
                        : ChannelRequestException.notFound("No " + channel + " binding '" + key + "'."));
    }

    Optional<ChannelBinding> find(TenantId tenantId, BindingId bindingId);

    /**
     * Every active binding of a channel, across tenants: how channels that hold a connection per binding (a mailbox,
     * a topic, a crawl schedule) start their routes. Platform-level, like {@link #resolve}.
     */
    List<ChannelBinding> active(ChannelId channel);
}
