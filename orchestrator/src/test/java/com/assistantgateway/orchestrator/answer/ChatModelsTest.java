package com.assistantgateway.orchestrator.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.testing.FakeOpenAi;
import com.assistantgateway.orchestrator.testing.OpenOutbound;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.outbound.OutboundHttp;
import com.assistantgateway.routes.port.AssistantProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which key goes to which LLM endpoint: the platform's key only ever to the platform's endpoint. */
class ChatModelsTest {

    private static final String PLATFORM_KEY = "canary-platform-llm-key";

    private FakeOpenAi platformLlm;
    private FakeOpenAi tenantsLlm;

    @BeforeEach
    void start() throws Exception {
        platformLlm = new FakeOpenAi();
        tenantsLlm = new FakeOpenAi();
        platformLlm.answer = "platform";
        tenantsLlm.answer = "tenant";
    }

    @AfterEach
    void stop() {
        platformLlm.close();
        tenantsLlm.close();
    }

    @Test
    void anAssistantOnThePlatformsEndpointUsesThePlatformsKey() {
        chatModels(OpenOutbound.http())
                .forAssistant(profile(Map.of(), Map.of()))
                .orElseThrow()
                .chat("Hi");

        assertThat(platformLlm.authorizations).containsExactly("Bearer " + PLATFORM_KEY);
    }

    @Test
    void anEndpointOfTheTenantsOwnNeverGetsThePlatformsKey() {
        chatModels(OpenOutbound.http())
                .forAssistant(profile(Map.of(ChatModels.BASE_URL, tenantsLlm.baseUrl()), Map.of()))
                .orElseThrow()
                .chat("Hi");

        assertThat(tenantsLlm.authorizations).singleElement().satisfies(header -> assertThat(header)
                .doesNotContain(PLATFORM_KEY));
        assertThat(platformLlm.authorizations).isEmpty();
    }

    @Test
    void anEndpointOfTheTenantsOwnGetsTheTenantsSealedKey() {
        chatModels(OpenOutbound.http())
                .forAssistant(profile(
                        Map.of(ChatModels.BASE_URL, tenantsLlm.baseUrl()), Map.of(ChatModels.API_KEY, "tenant-key")))
                .orElseThrow()
                .chat("Hi");

        assertThat(tenantsLlm.authorizations).containsExactly("Bearer tenant-key");
    }

    @Test
    void anEndpointOfTheTenantsOwnOnAPrivateAddressIsNeverConnectedToInProduction() {
        OutboundHttp production = new OutboundHttp(OpenOutbound.production());
        var model = chatModels(production)
                .forAssistant(profile(Map.of(ChatModels.BASE_URL, tenantsLlm.baseUrl()), Map.of()))
                .orElseThrow();

        assertThatThrownBy(() -> model.chat("Hi")).hasStackTraceContaining("non-public address");
        assertThat(tenantsLlm.requests).isEmpty();
    }

    @Test
    void aSettingNamedLikeAKeyIsNotAKey() {
        chatModels(OpenOutbound.http())
                .forAssistant(profile(
                        Map.of(ChatModels.BASE_URL, tenantsLlm.baseUrl(), ChatModels.API_KEY, "plain-setting"),
                        Map.of()))
                .orElseThrow()
                .chat("Hi");

        assertThat(tenantsLlm.authorizations).singleElement().satisfies(header -> assertThat(header)
                .doesNotContain("plain-setting")
                .doesNotContain(PLATFORM_KEY));
    }

    private ChatModels chatModels(OutboundHttp http) {
        return new ChatModels(
                OrchestratorProperties.embedded(
                        Path.of("unused"),
                        OrchestratorProperties.Retrieval.defaults(),
                        new OrchestratorProperties.Llm(
                                platformLlm.baseUrl(), PLATFORM_KEY, "gpt-4o-mini", 0.2, Duration.ofSeconds(5))),
                http);
    }

    private static AssistantProfile profile(Map<String, String> settings, Map<String, String> credentials) {
        return new AssistantProfile(
                new TenantId("acme"), new AssistantId("support"), "support", "Desk", null, null, settings, credentials);
    }
}
