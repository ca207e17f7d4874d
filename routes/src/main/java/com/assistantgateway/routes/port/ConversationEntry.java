package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;

/**
 * A message of a conversation, either direction, with its position in the ledger: positions only grow, so a live
 * channel that saw position {@code n} asks for what came after it.
 */
public record ConversationEntry(long position, GatewayMessage message) {}
