/**
 * The assistant plugin contract: an assistant type is a Spring bean implementing {@link
 * com.assistantgateway.orchestrator.plugin.AssistantPlugin} with a manifest. See {@code docs/writing-an-assistant.md}.
 */
package com.assistantgateway.orchestrator.plugin;
