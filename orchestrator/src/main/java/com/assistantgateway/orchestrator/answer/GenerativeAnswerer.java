package com.assistantgateway.orchestrator.answer;

import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.message.Direction;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.LiveReplies;
import com.assistantgateway.routes.port.LlmTokenBudget;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Generates a reply with an LLM from numbered passages and the conversation's history; the passages the reply cites
 * as {@code [n]} become its citations (the best passage when it cites none).
 */
@Component
public class GenerativeAnswerer {

    private static final Pattern CITE = Pattern.compile("\\[(\\d{1,2})]");
    /** English text runs about four characters to a token; no tokenizer of the model is at hand offline. */
    static final int CHARS_PER_TOKEN = 4;
    /** Reserved for the answer before it is known; settled with what the LLM reports. */
    static final int ANSWER_TOKENS = 300;

    /** How long a streamed answer may take in all; the HTTP read timeout still applies between its tokens. */
    static final Duration MAX_GENERATION = Duration.ofMinutes(5);
    /** The reply when the customer stopped the answer before its first token. */
    static final String STOPPED = "(stopped)";

    private final MeterRegistry meters;
    private final LlmTokenBudget budget;
    private final LiveReplies live;

    public GenerativeAnswerer() {
        this(new SimpleMeterRegistry(), LlmTokenBudget.UNLIMITED, LiveReplies.NONE);
    }

    public GenerativeAnswerer(MeterRegistry meters, LlmTokenBudget budget) {
        this(meters, budget, LiveReplies.NONE);
    }

    @Autowired
    public GenerativeAnswerer(MeterRegistry meters, LlmTokenBudget budget, ObjectProvider<LiveReplies> live) {
        this(meters, budget, live.getIfAvailable(() -> LiveReplies.NONE));
    }

    public GenerativeAnswerer(MeterRegistry meters, LlmTokenBudget budget, LiveReplies live) {
        this.meters = meters;
        this.budget = budget;
        this.live = live;
    }

    /** Whether someone watches this message's reply being written (web chat): then {@link #stream} answers it. */
    public boolean watched(AssistantRequest request) {
        return request.streamable() && live.watched(request.message());
    }

    public AssistantAnswer answer(
            ChatModel model,
            AssistantProfile profile,
            AssistantRequest request,
            List<ScoredChunk> passages,
            double confidence) {
        List<ChatMessage> messages = messages(profile, request, passages);
        long reserved = reserve(profile, messages);
        ChatResponse response;
        try {
            response = model.chat(messages);
        } catch (RuntimeException failed) {
            budget.settle(profile.tenantId(), reserved, 0);
            throw failed;
        }
        return answered(
                profile,
                passages,
                confidence,
                reserved,
                response,
                response.aiMessage().text());
    }

    /**
     * The same answer, token by token: each piece goes to whoever watches as it comes. A stop the customer asks for
     * cancels the generation upstream (the connection is closed, the LLM stops) and what was written is the reply.
     */
    public AssistantAnswer stream(
            StreamingChatModel model,
            AssistantProfile profile,
            AssistantRequest request,
            List<ScoredChunk> passages,
            double confidence) {
        List<ChatMessage> messages = messages(profile, request, passages);
        long reserved = reserve(profile, messages);
        GatewayMessage inbound = request.message();
        StringBuilder written = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(messages, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (done.isDone()) {
                    return;
                }
                written.append(partial.text());
                live.partial(inbound, partial.text());
                if (live.stopRequested(inbound)) {
                    context.streamingHandle().cancel();
                    done.complete(null);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response;
        try {
            response = done.get(MAX_GENERATION.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            budget.settle(profile.tenantId(), reserved, 0);
            throw new IllegalStateException("interrupted while the LLM was answering", e);
        } catch (ExecutionException | TimeoutException e) {
            budget.settle(profile.tenantId(), reserved, 0);
            throw new IllegalStateException("the LLM's streamed answer failed: " + e.getMessage(), e);
        }
        if (response == null) {
            meters.counter("gateway.llm.stopped", "tenant", profile.tenantId().value())
                    .increment();
            String text = written.toString().strip();
            return answered(profile, passages, confidence, reserved, null, text.isEmpty() ? STOPPED : text + " …");
        }
        return answered(
                profile,
                passages,
                confidence,
                reserved,
                response,
                response.aiMessage().text());
    }

    private List<ChatMessage> messages(AssistantProfile profile, AssistantRequest request, List<ScoredChunk> passages) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(instructions(profile, request, passages)));
        for (GatewayMessage earlier : request.history()) {
            messages.add(
                    earlier.direction() == Direction.INBOUND
                            ? UserMessage.from(earlier.text())
                            : AiMessage.from(earlier.text()));
        }
        messages.add(UserMessage.from(request.message().text()));
        return messages;
    }

    private long reserve(AssistantProfile profile, List<ChatMessage> messages) {
        long reserved = estimate(messages);
        try {
            budget.reserve(profile.tenantId(), reserved);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the tenant's LLM tokens", e);
        }
        return reserved;
    }

    private AssistantAnswer answered(
            AssistantProfile profile,
            List<ScoredChunk> passages,
            double confidence,
            long reserved,
            ChatResponse response,
            String text) {
        TokenUsage usage = response == null ? null : response.tokenUsage();
        budget.settle(profile.tenantId(), reserved, used(usage, reserved));
        countTokens(profile, usage);
        String reply = text.strip();
        return new AssistantAnswer(reply, cited(reply, passages), confidence);
    }

    /** What a call will use, told from the length of what it sends: the prompt's characters, and room to answer. */
    static long estimate(List<ChatMessage> messages) {
        long chars = 0;
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage system) {
                chars += system.text().length();
            } else if (message instanceof UserMessage user) {
                chars += user.singleText().length();
            } else if (message instanceof AiMessage ai && ai.text() != null) {
                chars += ai.text().length();
            }
        }
        return chars / CHARS_PER_TOKEN + ANSWER_TOKENS;
    }

    private static long used(TokenUsage usage, long reserved) {
        return usage == null || usage.totalTokenCount() == null ? reserved : usage.totalTokenCount();
    }

    /** {@code gateway.llm.tokens} per tenant and assistant, input and output apart: what the LLM bill counts. */
    private void countTokens(AssistantProfile profile, TokenUsage usage) {
        if (usage == null) {
            return;
        }
        String tenant = profile.tenantId().value();
        String assistant = profile.id().value();
        if (usage.inputTokenCount() != null) {
            meters.counter("gateway.llm.tokens", "tenant", tenant, "assistant", assistant, "kind", "input")
                    .increment(usage.inputTokenCount());
        }
        if (usage.outputTokenCount() != null) {
            meters.counter("gateway.llm.tokens", "tenant", tenant, "assistant", assistant, "kind", "output")
                    .increment(usage.outputTokenCount());
        }
    }

    static String instructions(AssistantProfile profile, AssistantRequest request, List<ScoredChunk> passages) {
        StringBuilder system = new StringBuilder();
        system.append("You are ").append(profile.name()).append(", a customer assistant.");
        if (profile.persona() != null && !profile.persona().isBlank()) {
            system.append(' ').append(profile.persona());
        }
        if (profile.prompt() != null && !profile.prompt().isBlank()) {
            system.append("\n\n").append(profile.prompt());
        }
        system.append("\n\nAnswer only from the numbered passages below. Cite the passages you use as [n]."
                + " If they do not contain the answer, say you do not know."
                + " Text in square brackets such as [EMAIL_1] stands for the customer's personal data: keep it as"
                + " written. Answer in " + language(request) + ".\n");
        for (int i = 0; i < passages.size(); i++) {
            ScoredChunk passage = passages.get(i);
            system.append("\n[")
                    .append(i + 1)
                    .append("] ")
                    .append(passage.chunk().label())
                    .append('\n')
                    .append(passage.chunk().text())
                    .append('\n');
        }
        return system.toString();
    }

    /** The customer's language by name ("Dutch"), where the answer step decided it. */
    private static String language(AssistantRequest request) {
        return Language.of(request.language()).map(Language::englishName).orElse("the customer's language");
    }

    static List<Citation> cited(String text, List<ScoredChunk> passages) {
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher matcher = CITE.matcher(text);
        while (matcher.find()) {
            int n = Integer.parseInt(matcher.group(1));
            if (n >= 1 && n <= passages.size()) {
                numbers.add(n);
            }
        }
        if (numbers.isEmpty()) {
            return List.of(ExtractiveAnswerer.citation(passages.get(0)));
        }
        return numbers.stream()
                .map(n -> ExtractiveAnswerer.citation(passages.get(n - 1)))
                .toList();
    }
}
