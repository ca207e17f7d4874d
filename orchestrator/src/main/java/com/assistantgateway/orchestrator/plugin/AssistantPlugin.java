package com.assistantgateway.orchestrator.plugin;

import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;

/**
 * An assistant type. Implementations are stateless Spring beans; everything tenant-specific arrives in the profile
 * and the request. Throwing rolls the message back for a redelivery, so throw only for faults worth retrying.
 */
public interface AssistantPlugin {

    AssistantManifest manifest();

    AssistantAnswer answer(AssistantProfile profile, AssistantRequest request);
}
