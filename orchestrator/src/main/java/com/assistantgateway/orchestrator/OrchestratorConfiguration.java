package com.assistantgateway.orchestrator;

import com.assistantgateway.orchestrator.knowledge.InProcessEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.jina.JinaScoringModel;
import dev.langchain4j.model.scoring.ScoringModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OrchestratorProperties.class)
class OrchestratorConfiguration {

    /** all-MiniLM-L6-v2, quantized, runs in process from inside its Maven artifact: 384 dimensions. */
    @Bean
    EmbeddingModel embeddingModel() {
        return InProcessEmbeddingModel.allMiniLmL6V2Quantized(null);
    }

    /** A re-ranker when one is configured; without it, hybrid retrieval's fused order stands. */
    @Bean
    @ConditionalOnExpression("!'${gateway.orchestrator.rerank.base-url:}'.isBlank()")
    ScoringModel reranker(OrchestratorProperties properties) {
        OrchestratorProperties.Rerank rerank = properties.rerank();
        return JinaScoringModel.builder()
                .baseUrl(rerank.baseUrl())
                .apiKey(rerank.apiKey().isBlank() ? "none" : rerank.apiKey())
                .modelName(rerank.model())
                .timeout(rerank.timeout())
                .maxRetries(1)
                .build();
    }
}
