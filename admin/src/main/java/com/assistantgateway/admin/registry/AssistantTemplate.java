package com.assistantgateway.admin.registry;

import java.util.Map;

/** A starting point for a sector's assistant: persona, instructions and settings a tenant then adapts. */
public record AssistantTemplate(
        String sector, String name, String type, String persona, String prompt, Map<String, String> settings) {}
