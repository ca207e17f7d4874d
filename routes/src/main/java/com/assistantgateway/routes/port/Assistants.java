package com.assistantgateway.routes.port;

/** Answers inbound messages with the tenant's assistant the message is addressed to. */
public interface Assistants {

    AssistantAnswer answer(AssistantRequest request);
}
