package com.assistantgateway.adapters.twilio;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits long SMS replies into messages within Twilio's 1600-character limit, at paragraph, sentence or word
 * boundaries, and counts the segments a carrier bills: GSM-7 text fits 160 characters in one segment (153 per segment
 * when concatenated, extension characters count twice); any other character makes it UCS-2, 70 (67) per segment.
 */
final class SmsSegments {

    static final int TWILIO_MAX_CHARS = 1600;

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    /**
     * Characters per message: Twilio's 1600, but no more than 10 billed segments, so GSM-7 text is cut at 1530
     * characters and UCS-2 text (emoji, most non-Latin scripts) at 670.
     */
    static int maxChars(String text) {
        return Math.min(TWILIO_MAX_CHARS, isGsm7(text) ? 10 * 153 : 10 * 67);
    }

    /** The messages to send for a reply. */
    static List<String> split(String text) {
        return split(text, maxChars(text));
    }

    /** The messages to send, each at most {@code max} characters. */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = boundary(rest, max);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    static boolean isGsm7(String text) {
        return text.codePoints().allMatch(c -> GSM7_BASIC.indexOf(c) >= 0 || GSM7_EXTENSION.indexOf(c) >= 0);
    }

    /** How many billed segments a message of this text takes. */
    static int segments(String text) {
        if (isGsm7(text)) {
            int units = text.codePoints()
                    .map(c -> GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1)
                    .sum();
            return units <= 160 ? 1 : (units + 152) / 153;
        }
        int units = text.length(); // UTF-16 code units, as UCS-2 counts them
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    private static int boundary(String text, int max) {
        String head = text.substring(0, max);
        for (String separator : new String[] {"\n\n", ". ", "! ", "? ", "\n", " "}) {
            int at = head.lastIndexOf(separator);
            if (at > max / 2) {
                return at + separator.length();
            }
        }
        return max;
    }
}
