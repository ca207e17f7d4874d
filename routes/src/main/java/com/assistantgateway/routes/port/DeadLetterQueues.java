package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import java.util.Optional;

/** A tenant's messages in the broker's dead-letter queues. Nothing of another tenant is listed, moved or removed. */
public interface DeadLetterQueues {

    List<DeadLetter> list(TenantId tenantId);

    /** Moves the message back to the queue it failed on, as a fresh delivery; empty when it is not the tenant's. */
    Optional<DeadLetter> replay(TenantId tenantId, String id);

    /** Removes the message for good; empty when it is not the tenant's. */
    Optional<DeadLetter> discard(TenantId tenantId, String id);

    /** How many of the tenant's messages are dead-lettered. */
    default int depth(TenantId tenantId) {
        return list(tenantId).size();
    }
}
