package com.assistantgateway.adapters;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import java.util.List;
import java.util.Optional;

/** Channel bindings held in memory, for adapter unit tests. */
public record FixedBindings(List<ChannelBinding> bindings) implements ChannelBindings {

    public static FixedBindings of(ChannelBinding... bindings) {
        return new FixedBindings(List.of(bindings));
    }

    @Override
    public Optional<ChannelBinding> resolve(ChannelId channel, String inboundKey) {
        return bindings.stream()
                .filter(b -> b.channel().equals(channel) && b.inboundKey().equals(inboundKey))
                .findFirst();
    }

    @Override
    public boolean suspended(ChannelId channel, String inboundKey) {
        return false;
    }

    @Override
    public Optional<ChannelBinding> find(TenantId tenantId, BindingId bindingId) {
        return bindings.stream()
                .filter(b -> b.tenantId().equals(tenantId) && b.id().equals(bindingId))
                .findFirst();
    }

    @Override
    public List<ChannelBinding> active(ChannelId channel) {
        return bindings.stream().filter(b -> b.channel().equals(channel)).toList();
    }
}
