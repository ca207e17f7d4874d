package com.assistantgateway.routes.port;

import java.util.List;

/**
 * The rules an assistant's answers follow, as a tenant admin sets them; each save is a new version, and every
 * decision is audited with the version that made it.
 *
 * @param version 1 for the first saved policy, one more for each save
 * @param enabled off: no rule applies (the stored rules are kept)
 * @param redactEmail replace e-mail addresses with placeholders before the assistant sees the text
 * @param redactPhone likewise phone numbers (libphonenumber, in the regions of {@code phoneRegions})
 * @param redactIban likewise IBANs with valid check digits
 * @param redactCard likewise card numbers that pass the Luhn check
 * @param nameDetectorUrl a Presidio-compatible analyzer ({@code POST /analyze}) finding person names; blank for none.
 *     When set and unreachable, the question is not answered (fail closed): it is handed over
 * @param phoneRegions ISO 3166 regions whose national phone formats are recognized (international ones always are)
 * @param allowedTopics when not empty, questions must be about one of these (words or a short description)
 * @param refusedTopics questions about these are refused or handed over
 * @param handOverRefused a refused question goes to a person instead of getting a polite refusal
 * @param maxAnswerChars longer answers are cut to whole sentences (0: no limit)
 * @param bannedPhrases an answer containing one is rewritten once without those sentences, else handed over
 * @param disclaimer appended to every answer from knowledge; blank for none
 */
public record AnswerPolicy(
        int version,
        boolean enabled,
        boolean redactEmail,
        boolean redactPhone,
        boolean redactIban,
        boolean redactCard,
        String nameDetectorUrl,
        List<String> phoneRegions,
        List<String> allowedTopics,
        List<String> refusedTopics,
        boolean handOverRefused,
        int maxAnswerChars,
        List<String> bannedPhrases,
        String disclaimer) {

    public AnswerPolicy {
        nameDetectorUrl = nameDetectorUrl == null ? "" : nameDetectorUrl.strip();
        phoneRegions = phoneRegions == null ? List.of() : List.copyOf(phoneRegions);
        allowedTopics = allowedTopics == null ? List.of() : List.copyOf(allowedTopics);
        refusedTopics = refusedTopics == null ? List.of() : List.copyOf(refusedTopics);
        bannedPhrases = bannedPhrases == null ? List.of() : List.copyOf(bannedPhrases);
        disclaimer = disclaimer == null ? "" : disclaimer.strip();
    }

    /** What a new assistant starts with: personal data kept from the model, nothing else restricted. */
    public static AnswerPolicy defaults() {
        return new AnswerPolicy(
                0,
                true,
                true,
                true,
                true,
                true,
                "",
                List.of("NL", "BE", "DE", "FR", "ES", "PT", "SE", "GB", "US"),
                List.of(),
                List.of(),
                false,
                0,
                List.of(),
                "");
    }
}
