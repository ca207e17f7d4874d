package com.assistantgateway.orchestrator.answer;

import com.assistantgateway.orchestrator.knowledge.Language;
import java.util.ResourceBundle;

/** What an assistant tells a customer in its own words, in the customer's language ({@code i18n/phrases_*}). */
public enum Phrases {
    DONT_KNOW("dont-know"),
    HANDOVER("handover"),
    REFUSED("refused"),
    ONLY_IN("only-in");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String key;

    Phrases(String key) {
        this.key = key;
    }

    public String in(Language language) {
        // No fallback to the JVM's locale: English is the base bundle, whatever the server runs in.
        return ResourceBundle.getBundle("i18n.phrases", language.locale(), NO_FALLBACK)
                .getString(key);
    }

    /** "I only have this information in English:", with the language named in the customer's own. */
    public static String onlyIn(Language customer, Language knowledge) {
        return ONLY_IN.in(customer).replace("{0}", knowledge.locale().getDisplayLanguage(customer.locale()));
    }
}
