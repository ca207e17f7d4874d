package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;

/** Published when a binding becomes active, so channels with a route per binding start it without a restart. */
public record ChannelBindingActivated(TenantId tenantId, BindingId bindingId, ChannelId channel) {}
