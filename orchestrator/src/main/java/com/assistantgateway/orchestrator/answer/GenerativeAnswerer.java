package com.assistantgateway.orchestrator.answer;

import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.message.Direction;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.LlmTokenBudget;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private final MeterRegistry meters;
    private final LlmTokenBudget budget;

    public GenerativeAnswerer() {
        this(new SimpleMeterRegistry(), LlmTokenBudget.UNLIMITED);
    }

    @Autowired
    public GenerativeAnswerer(MeterRegistry meters, LlmTokenBudget budget) {
        this.meters = meters;
        this.budget = budget;
    }

    public AssistantAnswer answer(
            ChatModel model,
            AssistantProfile profile,
            AssistantRequest request,
            List<ScoredChunk> passages,
            double confidence) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(instructions(profile, passages)));
        for (GatewayMessage earlier : request.history()) {
            messages.add(
                    earlier.direction() == Direction.INBOUND
                            ? UserMessage.from(earlier.text())
                            : AiMessage.from(earlier.text()));
        }
        messages.add(UserMessage.from(request.message().text()));
        long reserved = estimate(messages);
        try {
            budget.reserve(profile.tenantId(), reserved);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the tenant's LLM tokens", e);
        }
        ChatResponse response;
        try {
            response = model.chat(messages);
        } catch (RuntimeException failed) {
            budget.settle(profile.tenantId(), reserved, 0);
            throw failed;
        }
        budget.settle(profile.tenantId(), reserved, used(response.tokenUsage(), reserved));
        countTokens(profile, response.tokenUsage());
        String text = response.aiMessage().text().strip();
        return new AssistantAnswer(text, cited(text, passages), confidence);
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

    static String instructions(AssistantProfile profile, List<ScoredChunk> passages) {
        StringBuilder system = new StringBuilder();
        system.append("You are ").append(profile.name()).append(", a customer assistant.");
        if (profile.persona() != null && !profile.persona().isBlank()) {
            system.append(' ').append(profile.persona());
        }
        if (profile.prompt() != null && !profile.prompt().isBlank()) {
            system.append("\n\n").append(profile.prompt());
        }
        system.append("\n\nAnswer only from the numbered passages below. Cite the passages you use as [n]."
                + " If they do not contain the answer, say you do not know. Answer in the customer's language.\n");
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
