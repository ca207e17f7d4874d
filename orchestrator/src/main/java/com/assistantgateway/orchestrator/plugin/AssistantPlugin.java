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

    /**
     * Whether customers talk to it: then the answer step applies the handover rules (a request for a person, a
     * repeated question, files without text) and tells customers in their language. Echo and watcher do not.
     */
    default boolean talksToCustomers() {
        return false;
    }
}
