package com.assistantgateway.routes.port;

import java.util.Locale;

/** Why a conversation went to a person; kept on the conversation and in the audit trail. */
public enum HandoverReason {
    /** The customer asked for a person, in any supported language. */
    CUSTOMER_ASKED,
    /** The best answer's confidence was below the assistant's threshold (where the assistant hands over then). */
    LOW_CONFIDENCE,
    /** The customer asked the same question again after an answer that did not help. */
    REPEATED_QUESTION,
    /** A policy decided: a refused topic, an answer that broke a rule twice, a detector that was unavailable. */
    POLICY,
    /** The message had only attachments: no text to answer from knowledge. */
    ATTACHMENT_ONLY,
    /** A channel rule (WhatsApp's reply window closed without an approved template). */
    CHANNEL_RULE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static HandoverReason ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
