package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/**
 * One message handed to a provider for a reply.
 *
 * @param messageId the reply (gateway id)
 * @param part 0 for single-part replies; SMS parts count up
 * @param channelMessageId the provider's id: Message-ID, MessageSid, Kafka offset
 * @param status the provider's latest status ({@code sent}, {@code queued}, {@code delivered}, {@code failed}, ...)
 * @param errorCode the provider's error code, if it reported one
 */
public record Delivery(
        TenantId tenantId,
        MessageId messageId,
        ConversationId conversationId,
        BindingId bindingId,
        ChannelId channel,
        int part,
        String channelMessageId,
        String status,
        String errorCode,
        Instant at) {}
