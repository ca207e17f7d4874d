package com.assistantgateway.orchestrator.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.echo.EchoAssistant;
import com.assistantgateway.orchestrator.support.SupportAssistant;
import com.assistantgateway.orchestrator.testing.OpenOutbound;
import com.assistantgateway.orchestrator.watcher.WatcherAssistant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings are checked against the JSON Schema in each plugin's manifest when they are saved. */
class PluginSettingsSchemasTest {

    private final PluginSettingsSchemas schemas = new PluginSettingsSchemas(
            List.of(
                    new SupportAssistant(
                            null,
                            null,
                            null,
                            null,
                            OrchestratorProperties.embedded(null, OrchestratorProperties.Retrieval.defaults(), null)),
                    new EchoAssistant(),
                    new WatcherAssistant(null)),
            OpenOutbound.production());

    @Test
    void settingsTheSupportPluginCanReadPass() {
        assertThat(schemas.problems(
                        "support",
                        Map.of(
                                "confidenceThreshold", "0.6",
                                "topK", "6",
                                "retrievalMode", "bm25",
                                "language", "nl",
                                "frontendUrl", "https://acme.test/help")))
                .isEmpty();
    }

    @Test
    void aDecimalCommaAnUnknownModeAndAnUnknownSettingAreEachNamed() {
        List<String> problems = schemas.problems(
                "support", Map.of("confidenceThreshold", "0,6", "retrievalMode", "fuzzy", "temperatur", "0.2"));

        assertThat(problems)
                .containsExactly(
                        "'temperatur' is not a setting of the support assistant type (its settings: topK,"
                                + " confidenceThreshold, retrievalMode, language, handoverBelowThreshold, llm.baseUrl, llm.model, embedding.baseUrl, embedding.model, frontendUrl)",
                        "setting 'confidenceThreshold' must be a number from 0 to 1 written with a decimal point,"
                                + " such as 0.45",
                        "setting 'retrievalMode' does not have a value in the enumeration [\"hybrid\", \"dense\","
                                + " \"bm25\"]");
    }

    @Test
    void aUrlSettingMustBeAUrl() {
        assertThat(schemas.problems("support", Map.of("frontendUrl", "acme help page")))
                .singleElement()
                .satisfies(p -> assertThat(p).contains("frontendUrl"));
    }

    @Test
    void anLlmEndpointOnAPrivateAddressIsRefusedAndAFrontEndMustBeAWebPage() {
        assertThat(schemas.problems(
                        "support",
                        Map.of("llm.baseUrl", "https://127.0.0.1:8080/v1", "frontendUrl", "javascript:alert(1)")))
                .containsExactlyInAnyOrder(
                        "llm.baseUrl: 127.0.0.1 resolves to 127.0.0.1, a non-public address that tenant settings may"
                                + " not reach (gateway.routes.outbound.allow-private-targets)",
                        "frontendUrl must be an https URL (plain http: gateway.routes.outbound.allow-plain-http)");
    }

    @Test
    void noSettingNamesAnEnvironmentVariableOrHoldsAKey() {
        assertThat(schemas.problems("support", Map.of("llm.apiKeyEnv", "GATEWAY_MASTER_KEY")))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("'llm.apiKeyEnv' is not a setting"));
        assertThat(schemas.problems("watcher", Map.of("llm.apiKeyEnv", "GATEWAY_LLM_API_KEY")))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("'llm.apiKeyEnv' is not a setting"));
    }

    @Test
    void anEchoAssistantTakesNoSettings() {
        assertThat(schemas.problems("echo", Map.of())).isEmpty();
        assertThat(schemas.problems("echo", Map.of("topK", "3")))
                .containsExactly("'topK' is not a setting of the echo assistant type, which takes none");
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheKnownOnes() {
        assertThat(schemas.problems("sales", Map.of()))
                .containsExactly("there is no assistant type 'sales' (there are: echo, support, watcher)");
    }
}
