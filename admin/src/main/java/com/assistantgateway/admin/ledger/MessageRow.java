package com.assistantgateway.admin.ledger;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/**
 * A row of {@code messages} to insert; {@code payload} is the canonical JSON, {@code replayKey} the channel's once-only
 * value (a signed request's signature), if any; {@code outcome} and {@code language} are a reply's (see
 * {@code AssistantAnswer#metadata()}).
 */
public record MessageRow(
        TenantId tenantId,
        MessageId id,
        ConversationId conversationId,
        AssistantId assistantId,
        BindingId bindingId,
        ChannelId channel,
        String direction,
        String channelMessageId,
        String replayKey,
        MessageId replyTo,
        String sender,
        String recipient,
        String status,
        Double confidence,
        String payload,
        Instant createdAt,
        String outcome,
        String language,
        String handover) {}
