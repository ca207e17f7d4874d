package com.assistantgateway.adapters.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what a reply repeats from earlier mail (the quoted thread) and the sender's signature, so the assistant reads
 * only what is new. Recognizes the attribution lines of Gmail, Apple Mail, Thunderbird and Outlook in English, Dutch,
 * German, French and Spanish, {@code >} quoting, Outlook's header block, the {@code "-- "} signature delimiter and
 * "Sent from my ..." footers.
 */
final class QuotedText {

    /**
     * "On Tue, 3 May 2022 at 10:00, Ann <ann@x.org> wrote:" and its translations (Dutch and German name the sender
     * after the verb: "Op ... schreef Ann <a@x.nl>:"); may span two lines.
     */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On|Op|Am|Le|El)\\s.{0,300}(wrote|schreef|schrieb|a écrit|escribió)[^\\n]{0,200}:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern OUTLOOK_SEPARATOR = Pattern.compile(
            "^\\s*(-{2,}\\s*(Original Message|Oorspronkelijk bericht|Ursprüngliche Nachricht|Message d'origine|"
                    + "Mensaje original)\\s*-{2,}|_{10,})\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Outlook's "From: ... / Sent: ..." block that opens a quoted mail without a separator line. */
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*\\*?(From|Van|Von|De)\\s*:\\*?\\s.+$");

    private static final Pattern OUTLOOK_SENT =
            Pattern.compile("^\\s*\\*?(Sent|Date|Verzonden|Gesendet|Envoyé|Enviado)\\s*:\\*?\\s.+$");

    private static final Pattern MOBILE_FOOTER = Pattern.compile(
            "^\\s*(Sent from my|Verzonden vanaf mijn|Von meinem|Envoyé de mon|Enviado desde mi|Get Outlook for)\\b.*$",
            Pattern.CASE_INSENSITIVE);

    private QuotedText() {}

    /** The new text of a plain-text mail body; the whole body when nothing new can be told apart. */
    static String newText(String body) {
        if (body == null) {
            return "";
        }
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            if (OUTLOOK_SEPARATOR.matcher(line).matches()
                    || MOBILE_FOOTER.matcher(line).matches()) {
                break;
            }
            if (OUTLOOK_FROM.matcher(line).matches()
                    && i + 1 < lines.length
                    && OUTLOOK_SENT.matcher(lines[i + 1]).matches()) {
                break;
            }
            if (ATTRIBUTION.matcher(line).matches()) {
                break;
            }
            if (i + 1 < lines.length
                    && !line.isBlank()
                    && ATTRIBUTION.matcher(line + " " + lines[i + 1]).matches()
                    && lines[i + 1].trim().endsWith(":")) {
                break;
            }
            if (line.startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        String text = String.join("\n", kept).strip();
        return text.isEmpty() ? body.strip() : text;
    }
}
