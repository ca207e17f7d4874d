package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;

/** Published when a binding is disabled or changed, so channels stop its routes (and start them again if active). */
public record ChannelBindingDeactivated(TenantId tenantId, BindingId bindingId, ChannelId channel) {}
