package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.TenantId;

/** The state of a tenant's bindings on this instance, for the tenant's own views. */
public interface BindingStates {

    /** The binding's state; a binding without routes of its own (a webhook) runs whenever it is active. */
    BindingState state(TenantId tenantId, BindingId bindingId, boolean active);
}
