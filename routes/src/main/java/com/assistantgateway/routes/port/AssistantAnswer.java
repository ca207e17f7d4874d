package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.Citation;
import java.util.List;

/**
 * What an assistant answered.
 *
 * @param text the reply text
 * @param citations where its statements come from
 * @param confidence 0 to 1; below the assistant's threshold the text says it does not know
 */
public record AssistantAnswer(String text, List<Citation> citations, double confidence) {

    public AssistantAnswer {
        citations = List.copyOf(citations);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of range: " + confidence);
        }
    }
}
