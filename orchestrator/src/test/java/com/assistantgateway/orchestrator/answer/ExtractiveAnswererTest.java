package com.assistantgateway.orchestrator.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.orchestrator.knowledge.KnowledgeChunk;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.routes.port.AssistantAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer();

    @Test
    void answersWithTheSentencesThatMatchTheQuestionAndCitesThePassage() {
        KnowledgeChunk chunk = new KnowledgeChunk(
                "returns.md",
                "Returns",
                "Refunds",
                3,
                "We refund within 5 working days. Shipping costs are refunded only for wrong parts."
                        + " Our warehouse is in Utrecht. Gift cards cannot be exchanged.");

        AssistantAnswer answer = answerer.answer("When do I get my refund?", List.of(new ScoredChunk(chunk, 0.7)), 0.7);

        assertThat(answer.text()).startsWith("We refund within 5 working days.");
        assertThat(answer.text()).doesNotContain("Gift cards").endsWith("Source: Returns > Refunds");
        assertThat(answer.citations()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo("returns.md");
            assertThat(c.title()).isEqualTo("Returns > Refunds");
            assertThat(c.snippet()).startsWith("We refund within 5 working days.");
        });
        assertThat(answer.confidence()).isEqualTo(0.7);
    }

    @Test
    void onlySentencesSharingWordsWithTheQuestionAreKept() {
        KnowledgeChunk periods = new KnowledgeChunk(
                "warranty.md",
                "Warranty",
                "Periods",
                0,
                "- Brake parts (calipers, discs): 2 years.\n- Engine parts: 2 years.\n- Batteries: 3 years.");

        AssistantAnswer answer = answerer.answer(
                "How long is the warranty on a brake caliper?", List.of(new ScoredChunk(periods, 0.7)), 0.7);

        assertThat(answer.text()).isEqualTo("Brake parts (calipers, discs): 2 years.\n\nSource: Warranty > Periods");
    }

    @Test
    void passageSharingNoWordOpensTheAnswer() {
        KnowledgeChunk hours = new KnowledgeChunk(
                "hours.md", "Hours", "", 0, "Open 8 to 18 on weekdays. Closed Sundays. Call ahead for pickups.");

        AssistantAnswer answer = answerer.answer("When can I come by?", List.of(new ScoredChunk(hours, 0.5)), 0.5);

        assertThat(answer.text()).isEqualTo("Open 8 to 18 on weekdays. Closed Sundays.\n\nSource: Hours");
    }

    @Test
    void sentencesOfBulletListsAreSplit() {
        assertThat(ExtractiveAnswerer.sentences("- Brakes: 2 years.\n- Batteries: 3 years."))
                .containsExactly("Brakes: 2 years.", "Batteries: 3 years.");
    }
}
