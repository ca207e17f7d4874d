package com.assistantgateway.orchestrator.answer;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.routes.outbound.OutboundHttp;
import com.assistantgateway.routes.port.AssistantProfile;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The LLM an assistant uses, if any. Two kinds of endpoint, kept apart so no platform credential ever leaves for a
 * place a tenant chose:
 *
 * <ul>
 *   <li>the platform's ({@code gateway.orchestrator.llm.*}): called with the assistant's own key ({@code llm.apiKey}
 *       among its sealed credentials) or else the platform's key;
 *   <li>an endpoint of the assistant's own ({@code llm.baseUrl}): called with the assistant's own key only, never the
 *       platform's, and only through the outbound guard, which checks every connection's address.
 * </ul>
 */
@Component
public class ChatModels {

    public static final String BASE_URL = "llm.baseUrl";
    public static final String MODEL = "llm.model";
    /** A credential, sealed with the assistant's others; never a setting. */
    public static final String API_KEY = "llm.apiKey";

    /** OpenAI-compatible servers that need no key (Ollama, vLLM) still get a bearer header from the client. */
    private static final String NO_KEY = "none";

    private final OrchestratorProperties.Llm platform;
    private final OutboundHttp outbound;
    private final ExecutorService streams = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "llm-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Endpoint, ChatModel> cache = new ConcurrentHashMap<>();
    private final Map<Endpoint, StreamingChatModel> streaming = new ConcurrentHashMap<>();
    /** The platform's endpoint is the operator's own: reached without the tenant guard, which refuses private hosts. */
    private final CloseableHttpClient platformHttp;

    public ChatModels(OrchestratorProperties properties, OutboundHttp outbound) {
        this.platform = properties.llm();
        this.outbound = outbound;
        this.platformHttp = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(outbound.maxConnections())
                        .setMaxConnPerRoute(outbound.maxConnections())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .disableCookieManagement()
                .build();
    }

    public Optional<ChatModel> forAssistant(AssistantProfile profile) {
        return endpoint(profile).map(this::model);
    }

    /** The same endpoint as {@link #forAssistant}, answering token by token. */
    public Optional<StreamingChatModel> streamingForAssistant(AssistantProfile profile) {
        return endpoint(profile)
                .map(e -> streaming.computeIfAbsent(e, endpoint -> OpenAiStreamingChatModel.builder()
                        .baseUrl(endpoint.baseUrl())
                        .apiKey(endpoint.apiKey())
                        .modelName(endpoint.model())
                        .temperature(platform.temperature())
                        .timeout(platform.timeout())
                        .httpClientBuilder(ApacheLlmHttp.builder(client(endpoint), streams))
                        .build()));
    }

    private Optional<Endpoint> endpoint(AssistantProfile profile) {
        String model = profile.setting(MODEL).orElse(platform.model());
        Optional<String> own = profile.setting(BASE_URL).filter(url -> !sameEndpoint(url, platform.baseUrl()));
        if (own.isPresent()) {
            return Optional.of(
                    new Endpoint(own.get(), model, profile.credential(API_KEY).orElse(NO_KEY), true));
        }
        if (platform.baseUrl().isBlank()) {
            return Optional.empty();
        }
        String key = profile.credential(API_KEY)
                .or(() -> Optional.of(platform.apiKey()).filter(k -> !k.isBlank()))
                .orElse(NO_KEY);
        return Optional.of(new Endpoint(platform.baseUrl(), model, key, false));
    }

    private CloseableHttpClient client(Endpoint endpoint) {
        return endpoint.tenants() ? outbound.client() : platformHttp;
    }

    private ChatModel model(Endpoint endpoint) {
        return cache.computeIfAbsent(endpoint, e -> {
            OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                    .baseUrl(e.baseUrl())
                    .apiKey(e.apiKey())
                    .modelName(e.model())
                    .temperature(platform.temperature())
                    .timeout(platform.timeout())
                    .maxRetries(1);
            builder.httpClientBuilder(ApacheLlmHttp.builder(client(e), streams));
            return builder.build();
        });
    }

    static boolean sameEndpoint(String a, String b) {
        return a.strip().replaceAll("/+$", "").equals(b.strip().replaceAll("/+$", ""));
    }

    @PreDestroy
    void close() throws IOException {
        streams.shutdownNow();
        platformHttp.close();
    }

    /** What a client is built for; {@code tenants} when the URL is a tenant's. Never printed: it holds a key. */
    private record Endpoint(String baseUrl, String model, String apiKey, boolean tenants) {
        @Override
        public String toString() {
            return "Endpoint[" + baseUrl + ", " + model + "]";
        }
    }
}
