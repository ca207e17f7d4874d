package com.assistantgateway.orchestrator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownChunkerTest {

    @Test
    void chunksKnowTheirTitleAndHeadingPath() {
        String page =
                """
                # Warranty

                Every part carries a warranty.

                ## Periods

                Brake parts: 2 years.

                ### Batteries

                Batteries: 3 years.

                ## Claims

                Write to us.
                """;

        List<KnowledgeChunk> chunks = new MarkdownChunker(800, 100).chunk("warranty.md", page);

        assertThat(chunks)
                .extracting(KnowledgeChunk::headingPath, KnowledgeChunk::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("", "Every part carries a warranty."),
                        org.assertj.core.groups.Tuple.tuple("Periods", "Brake parts: 2 years."),
                        org.assertj.core.groups.Tuple.tuple("Periods > Batteries", "Batteries: 3 years."),
                        org.assertj.core.groups.Tuple.tuple("Claims", "Write to us."));
        assertThat(chunks).allSatisfy(c -> assertThat(c.title()).isEqualTo("Warranty"));
        assertThat(chunks).extracting(KnowledgeChunk::position).containsExactly(0, 1, 2, 3);
        assertThat(chunks.get(2).label()).isEqualTo("Warranty > Periods > Batteries");
    }

    @Test
    void longSectionsAreSplitWithOverlapAndPlainTextIsTitledBySource() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("Sentence number ").append(i).append(" talks about shipping times. ");
        }

        List<KnowledgeChunk> chunks = new MarkdownChunker(300, 60).chunk("notes.txt", text.toString());

        assertThat(chunks).hasSizeGreaterThan(4);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(300);
            assertThat(c.title()).isEqualTo("notes.txt");
        });
        String endOfFirst = chunks.get(0).text().substring(chunks.get(0).text().length() - 20);
        assertThat(chunks.get(1).text()).contains(endOfFirst.strip().split(" ")[0]);
    }
}
