package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.port.BindingState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A channel binding as the admin API shows it: credentials masked, the address customers or the provider use to
 * reach it ({@code inboundAddress}: a mailbox, a phone number, a webhook URL, a topic), and how its connection is
 * doing on the instance that answered ({@code connection}; absent in audit records, which keep what changed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BindingView(
        String id,
        String assistantId,
        String channel,
        String inboundKey,
        String inboundAddress,
        Map<String, String> settings,
        Map<String, String> credentials,
        String status,
        Instant createdAt,
        BindingState connection) {

    BindingView withConnection(BindingState state) {
        return new BindingView(
                id, assistantId, channel, inboundKey, inboundAddress, settings, credentials, status, createdAt, state);
    }
}
