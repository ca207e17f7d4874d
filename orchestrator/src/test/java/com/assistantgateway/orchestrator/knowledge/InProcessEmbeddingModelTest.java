package com.assistantgateway.orchestrator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessEmbeddingModelTest {

    private final InProcessEmbeddingModel model = InProcessEmbeddingModel.allMiniLmL6V2Quantized(null);

    @Test
    void aBatchIsEmbeddedInOrderExactlyAsEachTextAlone() {
        List<String> texts = List.of(
                "How long is the warranty on a brake caliper?",
                "Brake parts carry two years of warranty.",
                "We are open on Saturday from 9 to 13.");

        Response<List<Embedding>> batch =
                model.embedAll(texts.stream().map(TextSegment::from).toList());

        assertThat(batch.content()).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.content().get(i).vector())
                    .as(texts.get(i))
                    .containsExactly(model.embed(texts.get(i)).content().vector());
        }
        assertThat(batch.tokenUsage().inputTokenCount()).isPositive();
        assertThat(model.dimension()).isEqualTo(InProcessEmbeddingModel.DIMENSION);
    }
}
