package com.assistantgateway.routes.port;

import java.util.Locale;

/** What kind of reply an assistant gave: the overview counts each apart, so "answered" means answered. */
public enum AnswerOutcome {
    /** From knowledge (or by design, for echo-like assistants), at or above the confidence threshold. */
    ANSWERED,
    /** "I don't know": nothing in the knowledge answered it well enough. */
    DONT_KNOW,
    /** A policy refused the question (a refused topic). */
    REFUSED,
    /** The customer was told a person will answer, and the conversation went to the handover queue. */
    HANDED_OVER,
    /** Not an answer to a customer: a scraped page re-indexed, a watcher's report. */
    ACKNOWLEDGED;

    /** The stored and displayed form: {@code dont-know}, {@code handed-over}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AnswerOutcome ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
