package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;

/** The policy in force for an assistant: its latest saved version, or {@link AnswerPolicy#defaults()}. */
public interface AnswerPolicies {

    AnswerPolicy current(TenantId tenantId, AssistantId assistantId);
}
