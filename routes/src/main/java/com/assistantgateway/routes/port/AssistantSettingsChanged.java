package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.util.Set;

/**
 * Published when an assistant's settings change, after the change commits: the knowledge re-indexes when the
 * embedding model changed.
 *
 * @param changed the names of the settings added, changed or removed
 */
public record AssistantSettingsChanged(TenantId tenantId, AssistantId assistantId, Set<String> changed) {

    public AssistantSettingsChanged {
        changed = Set.copyOf(changed);
    }
}
