package com.assistantgateway.orchestrator.policy;

import com.assistantgateway.routes.port.AnswerPolicy;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.springframework.stereotype.Component;

/**
 * Finds personal data in a text and replaces it with {@link Placeholders}: e-mail addresses, phone numbers
 * (libphonenumber, valid numbers only, in the policy's regions and in international format), IBANs (valid check
 * digits), card numbers (13 to 19 digits passing Luhn) and, through a configured detector, person names. Candidates are
 * found loosely and kept only when the validator accepts them, so order numbers and prices stay as they are.
 */
@Component
public class PersonalData {

    static final String EMAIL = "EMAIL";
    static final String PHONE = "PHONE";
    static final String IBAN = "IBAN";
    static final String CARD = "CARD";
    static final String NAME = "NAME";

    private static final Pattern EMAIL_CANDIDATE =
            Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern IBAN_CANDIDATE =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}", Pattern.CASE_INSENSITIVE);
    private static final Pattern CARD_CANDIDATE = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final int SHORTEST_IBAN = 15;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final NameDetector names;

    public PersonalData(NameDetector names) {
        this.names = names;
    }

    /**
     * The text with each personal datum the policy names replaced by its placeholder.
     *
     * @throws NameDetector.Unavailable when the policy names a name detector that cannot be reached
     */
    public String redact(String text, AnswerPolicy policy, Placeholders placeholders) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Span> spans = new ArrayList<>();
        // Most specific first: an IBAN holds digit runs a card or phone pattern would take.
        if (policy.redactIban()) {
            ibans(text, spans);
        }
        if (policy.redactCard()) {
            cards(text, spans);
        }
        if (policy.redactEmail()) {
            emails(text, spans);
        }
        if (policy.redactPhone()) {
            phones(text, policy.phoneRegions(), spans);
        }
        if (!policy.nameDetectorUrl().isEmpty()) {
            for (NameDetector.Found name : names.find(policy.nameDetectorUrl(), text)) {
                add(spans, new Span(name.start(), name.end(), NAME));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder redacted = new StringBuilder(text.length());
        int at = 0;
        for (Span span : spans) {
            redacted.append(text, at, span.start());
            redacted.append(placeholders.placeholder(span.kind(), text.substring(span.start(), span.end())));
            at = span.end();
        }
        return redacted.append(text, at, text.length()).toString();
    }

    private static void ibans(String text, List<Span> spans) {
        Matcher candidate = IBAN_CANDIDATE.matcher(text);
        while (candidate.find()) {
            // The pattern runs on into following words ("NL91 ABNA 0417 1643 00 please"): the longest prefix with
            // valid check digits is the IBAN.
            for (int end = candidate.end(); end >= candidate.start() + SHORTEST_IBAN; end--) {
                String compact =
                        text.substring(candidate.start(), end).replace(" ", "").toUpperCase(Locale.ROOT);
                if (Character.isLetterOrDigit(text.charAt(end - 1))
                        && IBANValidator.getInstance().isValid(compact)) {
                    add(spans, new Span(candidate.start(), end, IBAN));
                    break;
                }
            }
        }
    }

    private static void cards(String text, List<Span> spans) {
        Matcher candidate = CARD_CANDIDATE.matcher(text);
        while (candidate.find()) {
            String digits = candidate.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits)) {
                add(spans, new Span(candidate.start(), candidate.end(), CARD));
            }
        }
    }

    private static void emails(String text, List<Span> spans) {
        Matcher candidate = EMAIL_CANDIDATE.matcher(text);
        while (candidate.find()) {
            String address = candidate.group().replaceAll("[.-]+$", "");
            if (EmailValidator.getInstance().isValid(address)) {
                add(spans, new Span(candidate.start(), candidate.start() + address.length(), EMAIL));
            }
        }
    }

    private void phones(String text, List<String> regions, List<Span> spans) {
        // "ZZ" reads only international numbers (+31 ...); each region adds its national format (06 ...).
        List<String> all = new ArrayList<>(regions);
        all.add("ZZ");
        for (String region : all) {
            for (PhoneNumberMatch match :
                    phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                add(spans, new Span(match.start(), match.end(), PHONE));
            }
        }
    }

    /** Adds a span unless it overlaps one already found (found first is more specific). */
    private static void add(List<Span> spans, Span span) {
        for (Span kept : spans) {
            if (span.start() < kept.end() && kept.start() < span.end()) {
                return;
            }
        }
        spans.add(span);
    }

    private record Span(int start, int end, String kind) {}
}
