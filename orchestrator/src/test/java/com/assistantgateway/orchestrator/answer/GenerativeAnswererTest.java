package com.assistantgateway.orchestrator.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.KnowledgeChunk;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.orchestrator.testing.FakeOpenAi;
import com.assistantgateway.orchestrator.testing.OpenOutbound;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.LiveReplies;
import com.assistantgateway.routes.port.LlmTokenBudget;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenerativeAnswererTest {

    private FakeOpenAi llm;
    private final TenantId tenant = new TenantId("acme");
    private final AssistantId assistant = new AssistantId("support");
    private final List<ScoredChunk> passages = List.of(
            new ScoredChunk(new KnowledgeChunk("hours.md", "Opening hours", "", 0, "Open Saturday 9 to 16."), 0.6),
            new ScoredChunk(
                    new KnowledgeChunk("warranty.md", "Warranty", "Periods", 1, "Brake calipers: 2 years."), 0.8));

    @BeforeEach
    void start() throws Exception {
        llm = new FakeOpenAi();
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    @Test
    void generatesFromNumberedPassagesAndHistoryAndCitesWhatTheReplyCites() {
        llm.answer = "Brake calipers have a 2-year warranty [2].";
        GatewayMessage earlier = message("Hi, I bought a caliper last month.");
        GatewayMessage earlierReply =
                earlier.reply(MessageId.random(), "Hello! How can I help?", List.of(), 1, Instant.now());
        GatewayMessage question = message("How long is its warranty?");

        AssistantAnswer answer = new GenerativeAnswerer()
                .answer(
                        chatModel(),
                        profile(),
                        new AssistantRequest(question, List.of(earlier, earlierReply)),
                        passages,
                        0.8);

        assertThat(answer.text()).isEqualTo("Brake calipers have a 2-year warranty [2].");
        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.source())
                .isEqualTo("warranty.md"));
        JsonNode request = llm.requests.get(0);
        assertThat(request.get("model").asText()).isEqualTo("test-model");
        JsonNode messages = request.get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText())
                .contains("You are Parts Desk")
                .contains("Precise and brief.")
                .contains("[1] Opening hours\nOpen Saturday 9 to 16.")
                .contains("[2] Warranty > Periods\nBrake calipers: 2 years.");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("Hi, I bought a caliper last month.");
        assertThat(messages.get(2).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(3).get("content").asText()).isEqualTo("How long is its warranty?");
    }

    @Test
    void replyWithoutCitationMarksCitesTheBestPassage() {
        llm.answer = "We are open on Saturday.";

        AssistantAnswer answer = new GenerativeAnswerer()
                .answer(chatModel(), profile(), new AssistantRequest(message("Saturday?"), List.of()), passages, 0.6);

        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.source())
                .isEqualTo("hours.md"));
    }

    @Test
    void theTenantsTokensAreReservedBeforeTheCallAndSettledWithWhatTheLlmReportsUsing() {
        llm.answer = "We are open on Saturday [1].";
        RecordingBudget budget = new RecordingBudget();

        new GenerativeAnswerer(new SimpleMeterRegistry(), budget)
                .answer(chatModel(), profile(), new AssistantRequest(message("Saturday?"), List.of()), passages, 0.6);

        long prompt = llm.requests.get(0).get("messages").findValues("content").stream()
                .mapToLong(content -> content.asText().length())
                .sum();
        assertThat(budget.events)
                .containsExactly(
                        "reserve acme "
                                + (prompt / GenerativeAnswerer.CHARS_PER_TOKEN + GenerativeAnswerer.ANSWER_TOKENS),
                        "settle acme "
                                + (prompt / GenerativeAnswerer.CHARS_PER_TOKEN + GenerativeAnswerer.ANSWER_TOKENS)
                                + " 15");
    }

    @Test
    void aFailedCallGivesItsReservationBack() {
        llm.delayMillis = 3_000;
        var slowModels = new ChatModels(properties(Duration.ofMillis(500)), OpenOutbound.http());
        RecordingBudget budget = new RecordingBudget();

        assertThatThrownBy(() -> new GenerativeAnswerer(new SimpleMeterRegistry(), budget)
                        .answer(
                                slowModels.forAssistant(profile()).orElseThrow(),
                                profile(),
                                new AssistantRequest(message("Saturday?"), List.of()),
                                passages,
                                0.6))
                .isInstanceOf(RuntimeException.class);
        assertThat(budget.events)
                .hasSize(2)
                .last()
                .asString()
                .startsWith("settle acme ")
                .endsWith(" 0");
    }

    /** What the answerer asked of the tenant's token budget, in order. */
    private static final class RecordingBudget implements LlmTokenBudget {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public Duration reserve(TenantId tenantId, long tokens) {
            events.add("reserve " + tenantId + " " + tokens);
            return Duration.ZERO;
        }

        @Override
        public void settle(TenantId tenantId, long reserved, long used) {
            events.add("settle " + tenantId + " " + reserved + " " + used);
        }
    }

    @Test
    void aWatchedAnswerReachesTheWatcherTokenByTokenAndTheWholeIsTheReply() {
        llm.answer = "Brake calipers have a 2-year warranty [2].";
        WatchingCustomer customer = new WatchingCustomer(Integer.MAX_VALUE);
        GenerativeAnswerer answerer =
                new GenerativeAnswerer(new SimpleMeterRegistry(), LlmTokenBudget.UNLIMITED, customer);
        AssistantRequest request = new AssistantRequest(message("How long is the warranty?"), List.of());

        AssistantAnswer answer = answerer.stream(streamingModel(), profile(), request, passages, 0.8);

        assertThat(answerer.watched(request)).isTrue();
        assertThat(customer.pieces)
                .containsExactly("Brake", " calipers", " have", " a", " 2-year", " warranty", " [2].");
        assertThat(answer.text()).isEqualTo("Brake calipers have a 2-year warranty [2].");
        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.source())
                .isEqualTo("warranty.md"));
        assertThat(llm.requests.get(0).get("stream").asBoolean()).isTrue();
        assertThat(llm.completedStreams).hasValue(1);
    }

    @Test
    void aStopCancelsTheGenerationUpstreamAndWhatWasWrittenIsTheReply() {
        llm.answer = "We are open on Saturday from nine to four and on weekdays from eight to six, all year long [1].";
        llm.tokenDelayMillis = 40;
        WatchingCustomer customer = new WatchingCustomer(3);

        AssistantAnswer answer = new GenerativeAnswerer(new SimpleMeterRegistry(), LlmTokenBudget.UNLIMITED, customer)
                .stream(
                        streamingModel(),
                        profile(),
                        new AssistantRequest(message("When are you open?"), List.of()),
                        passages,
                        0.6);

        assertThat(answer.text()).isEqualTo("We are open …");
        assertThat(customer.pieces).hasSize(3);
        // The LLM's server sees the connection go: it stops writing the answer nobody reads.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(llm.abandonedStreams).hasValue(1));
        assertThat(llm.completedStreams).hasValue(0);
    }

    /** A customer watching the reply being written, who asks to stop after {@code stopAfter} pieces. */
    private static final class WatchingCustomer implements LiveReplies {
        final List<String> pieces = new CopyOnWriteArrayList<>();
        private final int stopAfter;

        WatchingCustomer(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public boolean watched(GatewayMessage inbound) {
            return true;
        }

        @Override
        public void partial(GatewayMessage inbound, String delta) {
            pieces.add(delta);
        }

        @Override
        public boolean stopRequested(GatewayMessage inbound) {
            return pieces.size() >= stopAfter;
        }
    }

    @Test
    void slowLlmFailsWithATimeoutSoTheMessageIsRolledBackForRedelivery() {
        llm.delayMillis = 3_000;
        var slowModels = new ChatModels(properties(Duration.ofMillis(500)), OpenOutbound.http());

        assertThatThrownBy(() -> new GenerativeAnswerer()
                        .answer(
                                slowModels.forAssistant(profile()).orElseThrow(),
                                profile(),
                                new AssistantRequest(message("Saturday?"), List.of()),
                                passages,
                                0.6))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void assistantWithoutBaseUrlHasNoLlm() {
        AssistantProfile offline = new AssistantProfile(tenant, assistant, "support", "Desk", null, null, Map.of());

        assertThat(new ChatModels(properties(Duration.ofSeconds(5)), OpenOutbound.http()).forAssistant(offline))
                .isEmpty();
    }

    private dev.langchain4j.model.chat.StreamingChatModel streamingModel() {
        return new ChatModels(properties(Duration.ofSeconds(5)), OpenOutbound.http())
                .streamingForAssistant(profile())
                .orElseThrow();
    }

    private dev.langchain4j.model.chat.ChatModel chatModel() {
        return new ChatModels(properties(Duration.ofSeconds(5)), OpenOutbound.http())
                .forAssistant(profile())
                .orElseThrow();
    }

    private AssistantProfile profile() {
        return new AssistantProfile(
                tenant,
                assistant,
                "support",
                "Parts Desk",
                "Precise and brief.",
                null,
                Map.of("llm.baseUrl", llm.baseUrl(), "llm.model", "test-model"));
    }

    private GatewayMessage message(String text) {
        return GatewayMessage.inbound()
                .tenant(tenant)
                .assistant(assistant)
                .channel(new ChannelId("webhook"))
                .text(text)
                .build();
    }

    private static OrchestratorProperties properties(Duration timeout) {
        return OrchestratorProperties.embedded(
                Path.of("unused"),
                OrchestratorProperties.Retrieval.defaults(),
                new OrchestratorProperties.Llm("", "", "gpt-4o-mini", 0.2, timeout));
    }
}
