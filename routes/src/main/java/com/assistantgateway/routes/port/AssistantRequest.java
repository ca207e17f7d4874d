package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;
import java.util.List;

/**
 * What an assistant is asked.
 *
 * @param message the inbound message to answer
 * @param history earlier messages of the conversation, oldest first
 */
public record AssistantRequest(GatewayMessage message, List<GatewayMessage> history) {

    public AssistantRequest {
        history = List.copyOf(history);
    }
}
