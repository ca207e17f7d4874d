package com.assistantgateway.orchestrator.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The personal data of one answer, by placeholder: {@code [EMAIL_1]} stands for the first e-mail address found, and
 * the same value gets the same placeholder wherever it appears (the question, the history), so the model can still
 * say "we will write to [EMAIL_1]". Lives for one answer only and is never stored or logged.
 */
public final class Placeholders {

    private final Map<String, String> byValue = new LinkedHashMap<>();
    private final Map<String, String> byPlaceholder = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    /** The placeholder for this value of this kind ({@code EMAIL}, {@code PHONE}, ...). */
    String placeholder(String kind, String value) {
        return byValue.computeIfAbsent(kind + '\u0000' + value, key -> {
            int n = counts.merge(kind, 1, Integer::sum);
            String placeholder = "[" + kind + "_" + n + "]";
            byPlaceholder.put(placeholder, value);
            return placeholder;
        });
    }

    /** The text with every placeholder put back as the value it stands for. */
    public String restore(String text) {
        String restored = text;
        for (Map.Entry<String, String> entry : byPlaceholder.entrySet()) {
            restored = restored.replace(entry.getKey(), entry.getValue());
        }
        return restored;
    }

    public boolean isEmpty() {
        return byPlaceholder.isEmpty();
    }

    /** How many values of each kind, for the audit: {@code email x1, phone x2}; never the values. */
    public String summary() {
        StringBuilder summary = new StringBuilder();
        counts.forEach((kind, n) -> summary.append(summary.isEmpty() ? "" : ", ")
                .append(kind.toLowerCase(java.util.Locale.ROOT))
                .append(" x")
                .append(n));
        return summary.toString();
    }
}
