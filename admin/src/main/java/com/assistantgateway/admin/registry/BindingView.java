package com.assistantgateway.admin.registry;

import java.time.Instant;
import java.util.Map;

/**
 * A channel binding as the admin API shows it: credentials masked, and the address customers or the provider use to
 * reach it ({@code inboundAddress}: a mailbox, a phone number, a webhook URL, a topic).
 */
public record BindingView(
        String id,
        String assistantId,
        String channel,
        String inboundKey,
        String inboundAddress,
        Map<String, String> settings,
        Map<String, String> credentials,
        String status,
        Instant createdAt) {}
