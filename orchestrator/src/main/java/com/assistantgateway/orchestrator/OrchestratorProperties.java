package com.assistantgateway.orchestrator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Orchestrator settings ({@code gateway.orchestrator.*}); assistants may override retrieval and LLM settings.
 *
 * @param knowledgeDir where the embedded vector index lives
 * @param retrieval how knowledge is chunked and retrieved
 * @param llm the default LLM; with no base URL, assistants answer extractively
 */
@Validated
@ConfigurationProperties("gateway.orchestrator")
public record OrchestratorProperties(
        @NotNull @DefaultValue("./data/knowledge") Path knowledgeDir,
        @Valid @NotNull @DefaultValue Retrieval retrieval,
        @Valid @NotNull @DefaultValue Llm llm) {

    /**
     * @param topK passages retrieved per question
     * @param confidenceThreshold below this cosine similarity of the best passage the assistant says it does not
     *     know
     * @param chunkSize maximum characters per chunk
     * @param chunkOverlap characters shared by neighbouring chunks
     */
    public record Retrieval(
            @DefaultValue("4") @Min(1) int topK,
            @DefaultValue("0.45") @DecimalMin("0.0") @DecimalMax("1.0") double confidenceThreshold,
            @DefaultValue("800") @Min(100) int chunkSize,
            @DefaultValue("120") @Min(0) int chunkOverlap) {}

    /**
     * An OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM ...).
     *
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}; blank: no LLM
     * @param apiKey from the environment ({@code GATEWAY_LLM_API_KEY}); never in a file
     * @param model model name
     * @param temperature sampling temperature
     * @param timeout per request; a timeout rolls the message back for a later redelivery
     */
    public record Llm(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String apiKey,
            @NotBlank @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("0.2") double temperature,
            @NotNull @DefaultValue("60s") Duration timeout) {}
}
