package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.Citation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an assistant answered.
 *
 * @param text the reply text, as the customer gets it
 * @param citations where its statements come from
 * @param confidence 0 to 1; below the assistant's threshold the text says it does not know
 * @param outcome what kind of reply it is
 * @param language the ISO code of the language the customer is answered in; null where no one decided
 * @param handover why a person takes the conversation over; null unless the outcome is {@code HANDED_OVER}
 * @param decisions what the assistant's policies did on the way
 */
public record AssistantAnswer(
        String text,
        List<Citation> citations,
        double confidence,
        AnswerOutcome outcome,
        String language,
        HandoverReason handover,
        List<PolicyDecision> decisions) {

    /** Reply metadata keys (see {@link #metadata()}). */
    public static final String META_OUTCOME = "outcome";

    public static final String META_LANGUAGE = "language";
    public static final String META_HANDOVER = "handover";

    public AssistantAnswer {
        citations = List.copyOf(citations);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of range: " + confidence);
        }
        if ((outcome == AnswerOutcome.HANDED_OVER) != (handover != null)) {
            throw new IllegalArgumentException("a handover, and only a handover, has a reason");
        }
    }

    /** An answer. */
    public AssistantAnswer(String text, List<Citation> citations, double confidence) {
        this(text, citations, confidence, AnswerOutcome.ANSWERED, null, null, List.of());
    }

    public static AssistantAnswer dontKnow(String text, double confidence, String language) {
        return new AssistantAnswer(text, List.of(), confidence, AnswerOutcome.DONT_KNOW, language, null, List.of());
    }

    public static AssistantAnswer acknowledged(String text) {
        return new AssistantAnswer(text, List.of(), 1.0, AnswerOutcome.ACKNOWLEDGED, null, null, List.of());
    }

    public static AssistantAnswer handedOver(String text, HandoverReason reason, double confidence, String language) {
        return new AssistantAnswer(text, List.of(), confidence, AnswerOutcome.HANDED_OVER, language, reason, List.of());
    }

    public AssistantAnswer withText(String newText) {
        return new AssistantAnswer(newText, citations, confidence, outcome, language, handover, decisions);
    }

    public AssistantAnswer inLanguage(String code) {
        return new AssistantAnswer(text, citations, confidence, outcome, code, handover, decisions);
    }

    public AssistantAnswer withDecisions(List<PolicyDecision> made) {
        return new AssistantAnswer(text, citations, confidence, outcome, language, handover, made);
    }

    public boolean handsOver() {
        return outcome == AnswerOutcome.HANDED_OVER;
    }

    /** What the reply message carries of this answer, for the ledger and the overview. */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(META_OUTCOME, outcome.code());
        if (language != null) {
            metadata.put(META_LANGUAGE, language);
        }
        if (handover != null) {
            metadata.put(META_HANDOVER, handover.code());
        }
        return metadata;
    }
}
