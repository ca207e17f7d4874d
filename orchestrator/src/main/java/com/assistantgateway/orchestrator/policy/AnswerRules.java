package com.assistantgateway.orchestrator.policy;

import com.assistantgateway.routes.port.AnswerPolicy;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules an answer is checked against after it is written: banned phrases (tone) and a length limit. A breach is
 * rewritten once (the sentences with a banned phrase dropped, a long answer cut to whole sentences); what cannot be
 * rewritten into a compliant answer is not sent.
 */
public final class AnswerRules {

    private AnswerRules() {}

    /** The verdict on an answer. */
    public record Verdict(String text, List<String> broken, boolean compliant) {}

    public static Verdict check(String answer, AnswerPolicy policy, Locale locale) {
        List<String> broken = new ArrayList<>();
        String text = answer;
        if (banned(text, policy).isPresent()) {
            broken.add("tone");
            StringBuilder kept = new StringBuilder();
            for (String sentence : sentences(text, locale)) {
                if (banned(sentence, policy).isEmpty()) {
                    kept.append(kept.isEmpty() ? "" : " ").append(sentence.strip());
                }
            }
            text = kept.toString();
        }
        if (policy.maxAnswerChars() > 0 && text.length() > policy.maxAnswerChars()) {
            broken.add("length");
            StringBuilder kept = new StringBuilder();
            for (String sentence : sentences(text, locale)) {
                String next = (kept.isEmpty() ? "" : " ") + sentence.strip();
                if (kept.length() + next.length() > policy.maxAnswerChars()) {
                    break;
                }
                kept.append(next);
            }
            text = kept.toString();
        }
        boolean compliant = !text.isBlank() && banned(text, policy).isEmpty();
        return new Verdict(text, broken, compliant);
    }

    /** The first banned phrase the text contains. */
    public static Optional<String> banned(String text, AnswerPolicy policy) {
        String lower = text.toLowerCase(Locale.ROOT);
        return policy.bannedPhrases().stream()
                .filter(phrase -> !phrase.isBlank() && lower.contains(phrase.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static List<String> sentences(String text, Locale locale) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next();
                end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            if (!text.substring(start, end).isBlank()) {
                sentences.add(text.substring(start, end));
            }
        }
        return sentences;
    }
}
