package com.assistantgateway.admin.ledger;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/** A row of {@code conversations}. */
public record ConversationRow(
        TenantId tenantId,
        ConversationId id,
        AssistantId assistantId,
        ChannelId channel,
        BindingId bindingId,
        String participant,
        String status,
        Instant createdAt,
        Instant updatedAt) {}
