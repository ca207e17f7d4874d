package com.assistantgateway.orchestrator.plugin;

import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.Assistants;
import com.assistantgateway.routes.port.TenantDirectory;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Hands each message to the plugin of the assistant it is addressed to. */
@Service
public class AssistantRouter implements Assistants {

    private final TenantDirectory directory;
    private final Map<String, AssistantPlugin> plugins;

    public AssistantRouter(TenantDirectory directory, List<AssistantPlugin> plugins) {
        this.directory = directory;
        this.plugins = plugins.stream()
                .collect(Collectors.toUnmodifiableMap(p -> p.manifest().type(), Function.identity()));
    }

    public List<AssistantManifest> manifests() {
        return plugins.values().stream().map(AssistantPlugin::manifest).toList();
    }

    @Override
    public AssistantAnswer answer(AssistantRequest request) {
        GatewayMessage message = request.message();
        AssistantProfile profile = directory
                .assistant(message.tenantId(), message.assistantId())
                .orElseThrow(() -> new IllegalStateException(
                        "assistant " + message.assistantId() + " of tenant " + message.tenantId() + " is not active"));
        AssistantPlugin plugin = plugins.get(profile.type());
        if (plugin == null) {
            throw new IllegalStateException("no plugin for assistant type " + profile.type());
        }
        if (!plugin.manifest().supports(message.channel())) {
            throw new IllegalStateException(profile.type() + " assistants do not answer on " + message.channel());
        }
        return plugin.answer(profile, request);
    }
}
