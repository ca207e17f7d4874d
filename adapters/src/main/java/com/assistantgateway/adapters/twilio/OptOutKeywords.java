package com.assistantgateway.adapters.twilio;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Twilio's standard messaging keywords: the whole message, trimmed, case-insensitive. */
enum OptOutKeywords {
    OPT_OUT(Set.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE")),
    OPT_IN(Set.of("START", "YES", "UNSTOP")),
    HELP(Set.of("HELP", "INFO"));

    private final Set<String> words;

    OptOutKeywords(Set<String> words) {
        this.words = words;
    }

    static Optional<OptOutKeywords> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
        for (OptOutKeywords keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
