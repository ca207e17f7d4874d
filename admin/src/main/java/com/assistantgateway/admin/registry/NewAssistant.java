package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import java.util.Map;

/** What it takes to register an assistant; settings are validated by the assistant type's plugin. */
public record NewAssistant(
        AssistantId id, String type, String name, String persona, String prompt, Map<String, String> settings) {}
