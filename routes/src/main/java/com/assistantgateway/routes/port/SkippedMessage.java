package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;

/**
 * Inbound traffic a channel deliberately did not answer: an auto-reply, a bounce, list mail, an opted-out number.
 *
 * @param reason a stable reason code, e.g. {@code auto-submitted}, {@code bulk}, {@code opted-out}
 */
public record SkippedMessage(
        TenantId tenantId,
        BindingId bindingId,
        ChannelId channel,
        String reason,
        String sender,
        String channelMessageId,
        Instant at) {}
