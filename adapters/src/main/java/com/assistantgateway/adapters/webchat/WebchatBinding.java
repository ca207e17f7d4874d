package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.message.ChannelId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a web chat binding stores. Settings: the origins allowed to embed it, how visitors are identified, how long a
 * conversation is kept in the visitor's browser, and the widget's look. Credentials: the key its visitors' sessions
 * are signed with (generated) and, for verified visitors, the secret the tenant's server signs visitor ids with.
 */
public final class WebchatBinding {

    public static final ChannelId CHANNEL = new ChannelId("webchat");

    public static final String ALLOWED_ORIGINS = "allowedOrigins";
    public static final String IDENTITY = "identity";
    public static final String PERSISTENCE = "persistence";
    public static final String PERSISTENCE_DAYS = "persistenceDays";
    public static final String TITLE = "title";
    public static final String GREETING = "greeting";
    public static final String COLOR = "color";
    public static final String POSITION = "position";
    public static final String LANGUAGE = "language";
    public static final String AVATAR = "avatarUrl";
    public static final String ATTACHMENT_TYPES = "attachmentTypes";
    public static final String ATTACHMENT_MAX_BYTES = "attachmentMaxBytes";
    /** The most a binding may allow a visitor's file to be: it travels in the message's JSON, base64-encoded. */
    public static final int ATTACHMENT_LIMIT = 5 * 1024 * 1024;

    public static final String SESSION_KEY = "sessionKey";
    public static final String IDENTITY_SECRET = "identitySecret";

    private static final Pattern COLOR_FORMAT = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/(\\*|[a-z0-9][a-z0-9.+-]*)");
    private static final Pattern LANGUAGE_FORMAT = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final int MAX_TEXT_SETTING = 200;

    private WebchatBinding() {}

    /** Anonymous visitors get a random id; verified ones present an id the tenant's server signed. */
    public enum Identity {
        ANONYMOUS,
        VERIFIED
    }

    /** Where the widget keeps a conversation: across page loads and tabs, in this tab only, or nowhere. */
    public enum Persistence {
        LOCAL,
        TAB,
        NONE
    }

    /**
     * A binding's settings, read and checked.
     *
     * @param allowedOrigins origins ({@code https://shop.example}) whose pages may open sessions and frame the page
     * @param identity how visitors are identified
     * @param persistence where the widget keeps the conversation
     * @param persistenceDays how long a kept conversation can be resumed
     * @param theme what the widget shows: title, greeting, colour, position, language, and an avatar if set
     * @param attachmentTypes the MIME types visitors may attach ({@code image/*} for a family); none: no attachments
     * @param attachmentMaxBytes the largest file a visitor may attach
     */
    public record Settings(
            List<String> allowedOrigins,
            Identity identity,
            Persistence persistence,
            int persistenceDays,
            Map<String, String> theme,
            List<String> attachmentTypes,
            int attachmentMaxBytes) {

        /** Whether a visitor may attach a file of this type (parameters such as charset aside). */
        public boolean accepts(String contentType) {
            if (contentType == null) {
                return false;
            }
            String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return attachmentTypes.stream()
                    .anyMatch(allowed -> allowed.equals(type)
                            || allowed.endsWith("/*") && type.startsWith(allowed.substring(0, allowed.length() - 1)));
        }

        public boolean allows(String origin) {
            String normalized = origin == null ? null : normalizedOrigin(origin);
            return normalized != null && allowedOrigins.contains(normalized);
        }
    }

    /** The settings, or every problem with them worded for a tenant admin. */
    public static Settings settings(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        Settings read = read(settings, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return read;
    }

    static List<String> problems(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        read(settings, problems);
        return problems;
    }

    private static Settings read(Map<String, String> settings, List<String> problems) {
        List<String> origins = new ArrayList<>();
        for (String origin : settings.getOrDefault(ALLOWED_ORIGINS, "").split("[,\\s]+")) {
            if (origin.isBlank()) {
                continue;
            }
            String normalized = normalizedOrigin(origin);
            if (normalized == null) {
                problems.add(ALLOWED_ORIGINS + ": '" + origin + "' is not an origin (scheme://host[:port], no path)");
            } else {
                origins.add(normalized);
            }
        }
        Identity identity = choice(settings, IDENTITY, Identity.class, Identity.ANONYMOUS, problems);
        Persistence persistence = choice(settings, PERSISTENCE, Persistence.class, Persistence.LOCAL, problems);
        int days = 30;
        try {
            days = Integer.parseInt(
                    settings.getOrDefault(PERSISTENCE_DAYS, "30").strip());
            if (days < 1 || days > 365) {
                problems.add(PERSISTENCE_DAYS + " must be 1 to 365");
            }
        } catch (NumberFormatException e) {
            problems.add(PERSISTENCE_DAYS + " must be a number of days");
        }
        Map<String, String> theme = new LinkedHashMap<>();
        theme.put(TITLE, text(settings, TITLE, "Chat with us", problems));
        theme.put(GREETING, text(settings, GREETING, "Hi! Ask me anything.", problems));
        String color = settings.getOrDefault(COLOR, "#1f6feb").strip();
        if (!COLOR_FORMAT.matcher(color).matches()) {
            problems.add(COLOR + " must be a colour like #1f6feb");
        }
        theme.put(COLOR, color);
        String position = settings.getOrDefault(POSITION, "right").strip().toLowerCase(Locale.ROOT);
        if (!List.of("right", "left").contains(position)) {
            problems.add(POSITION + " must be 'right' or 'left'");
        }
        theme.put(POSITION, position);
        String language = settings.getOrDefault(LANGUAGE, "en").strip();
        if (!LANGUAGE_FORMAT.matcher(language).matches()) {
            problems.add(LANGUAGE + " must be a language tag like 'en' or 'nl-BE'");
        }
        theme.put(LANGUAGE, language);
        String avatar = settings.getOrDefault(AVATAR, "").strip();
        if (!avatar.isEmpty()) {
            if (!avatar.startsWith("https://") || avatar.length() > 500 || avatar.matches(".*[\\s\"'<>].*")) {
                problems.add(AVATAR + " must be an https URL of at most 500 characters");
            }
            theme.put(AVATAR, avatar);
        }
        List<String> types = new ArrayList<>();
        for (String type : settings.getOrDefault(ATTACHMENT_TYPES, "").split("[,\\s]+")) {
            if (type.isBlank()) {
                continue;
            }
            String normalized = type.strip().toLowerCase(Locale.ROOT);
            if (!MIME_TYPE.matcher(normalized).matches()) {
                problems.add(ATTACHMENT_TYPES + ": '" + type + "' is not a MIME type like image/png or image/*");
            }
            types.add(normalized);
        }
        int maxBytes = 1024 * 1024;
        try {
            maxBytes = Integer.parseInt(settings.getOrDefault(ATTACHMENT_MAX_BYTES, Integer.toString(maxBytes))
                    .strip());
            if (maxBytes < 1 || maxBytes > ATTACHMENT_LIMIT) {
                problems.add(ATTACHMENT_MAX_BYTES + " must be 1 to " + ATTACHMENT_LIMIT);
            }
        } catch (NumberFormatException e) {
            problems.add(ATTACHMENT_MAX_BYTES + " must be a number of bytes");
        }
        return new Settings(
                List.copyOf(origins), identity, persistence, days, Map.copyOf(theme), List.copyOf(types), maxBytes);
    }

    private static <E extends Enum<E>> E choice(
            Map<String, String> settings, String name, Class<E> type, E fallback, List<String> problems) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            problems.add(name + " must be one of " + String.join(", ", names));
            return fallback;
        }
    }

    private static String text(Map<String, String> settings, String name, String fallback, List<String> problems) {
        String value = settings.getOrDefault(name, fallback).strip();
        if (value.length() > MAX_TEXT_SETTING) {
            problems.add(name + " has more than " + MAX_TEXT_SETTING + " characters");
        }
        return value;
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or null when it is not an origin. */
    static String normalizedOrigin(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (!List.of("http", "https").contains(scheme) || uri.getHost() == null || !bare) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || port == 443 && scheme.equals("https");
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
