package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;
import java.util.Optional;

/** An inbound message with its status and, once answered, its reply. */
public record MessageView(GatewayMessage message, MessageStatus status, Optional<GatewayMessage> reply) {}
