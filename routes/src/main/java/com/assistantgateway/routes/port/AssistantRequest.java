package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;
import java.util.List;

/**
 * What an assistant is asked.
 *
 * @param message the inbound message to answer (with personal data replaced by placeholders where a policy says so)
 * @param history earlier messages of the conversation, oldest first (likewise)
 * @param language the ISO code of the customer's language, or null for the assistant to decide
 * @param streamable whether the answer may be streamed to a live channel as it is written; not when the final text
 *     is still to be changed (placeholders restored, a policy's rewrite)
 */
public record AssistantRequest(
        GatewayMessage message, List<GatewayMessage> history, String language, boolean streamable) {

    public AssistantRequest {
        history = List.copyOf(history);
    }

    public AssistantRequest(GatewayMessage message, List<GatewayMessage> history) {
        this(message, history, null, true);
    }
}
