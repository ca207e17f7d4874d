package com.assistantgateway.orchestrator.answer;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.routes.port.AssistantProfile;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The LLM an assistant uses, if any: its own settings ({@code llm.baseUrl}, {@code llm.model}) over the gateway's
 * defaults. Its key is, in order: {@code llm.apiKey} from the assistant's encrypted credentials, the environment
 * variable named by {@code llm.apiKeyEnv}, the gateway's own key.
 */
@Component
public class ChatModels {

    private final OrchestratorProperties.Llm defaults;
    private final Map<String, ChatModel> cache = new ConcurrentHashMap<>();

    public ChatModels(OrchestratorProperties properties) {
        this.defaults = properties.llm();
    }

    public Optional<ChatModel> forAssistant(AssistantProfile profile) {
        String baseUrl = profile.setting("llm.baseUrl").orElse(defaults.baseUrl());
        if (baseUrl.isBlank()) {
            return Optional.empty();
        }
        String model = profile.setting("llm.model").orElse(defaults.model());
        String apiKey = profile.setting("llm.apiKey")
                .or(() -> profile.setting("llm.apiKeyEnv").map(System::getenv))
                .or(() -> Optional.of(defaults.apiKey()).filter(k -> !k.isBlank()))
                .orElse("no-key");
        String key = baseUrl + "|" + model + "|" + apiKey.hashCode();
        return Optional.of(cache.computeIfAbsent(key, k -> OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(model)
                .temperature(defaults.temperature())
                .timeout(defaults.timeout())
                .maxRetries(1)
                .build()));
    }
}
