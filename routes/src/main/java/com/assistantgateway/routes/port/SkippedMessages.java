package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.TenantId;
import java.util.List;

/** The record of what channels skipped, per tenant, so admins can see what was not answered and why. */
public interface SkippedMessages {

    void record(SkippedMessage skipped);

    List<SkippedMessage> latest(TenantId tenantId, int limit);
}
