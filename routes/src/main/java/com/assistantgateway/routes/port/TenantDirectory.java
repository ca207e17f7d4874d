package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import java.util.Optional;

/** Which tenants run, and how their assistants are configured. */
public interface TenantDirectory {

    /** Platform-level: the tenants whose processors should run. */
    List<TenantId> activeTenants();

    Optional<AssistantProfile> assistant(TenantId tenantId, AssistantId assistantId);
}
