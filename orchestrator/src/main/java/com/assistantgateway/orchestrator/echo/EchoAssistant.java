package com.assistantgateway.orchestrator.echo;

import com.assistantgateway.orchestrator.plugin.AssistantManifest;
import com.assistantgateway.orchestrator.plugin.AssistantPlugin;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
public class EchoAssistant implements AssistantPlugin {

    private static final AssistantManifest MANIFEST = new AssistantManifest(
            "echo",
            "Echo",
            "1.0.0",
            "Replies with the text it received.",
            "{\"type\":\"object\",\"additionalProperties\":false}",
            Set.of(AssistantManifest.ALL_CHANNELS));

    @Override
    public AssistantManifest manifest() {
        return MANIFEST;
    }

    @Override
    public AssistantAnswer answer(AssistantProfile profile, AssistantRequest request) {
        return new AssistantAnswer(request.message().text(), List.of(), 1.0);
    }
}
