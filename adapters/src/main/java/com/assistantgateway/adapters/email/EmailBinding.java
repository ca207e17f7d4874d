package com.assistantgateway.adapters.email;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An email binding: its inbound key is the mailbox address customers write to; settings name the IMAP and SMTP
 * servers; credentials log in to both (separate SMTP credentials are optional).
 */
public final class EmailBinding {

    public static final ChannelId CHANNEL = new ChannelId("email");

    public static final String IMAP_HOST = "imapHost";
    public static final String IMAP_PORT = "imapPort";
    /** The mailbox protocol: {@code imaps} (default), {@code imap}, {@code pop3s} or {@code pop3}. */
    public static final String IMAP_PROTOCOL = "imapProtocol";

    public static final String SMTP_HOST = "smtpHost";
    public static final String SMTP_PORT = "smtpPort";
    /** {@code smtps} (default) or {@code smtp}. */
    public static final String SMTP_PROTOCOL = "smtpProtocol";
    /** Shown as the sender's name on replies, e.g. "Acme Support". */
    public static final String FROM_NAME = "fromName";
    /** How often the mailbox is polled, in milliseconds (default 10000). */
    public static final String POLL_MILLIS = "pollMillis";

    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String SMTP_USERNAME = "smtpUsername";
    public static final String SMTP_PASSWORD = "smtpPassword";

    private EmailBinding() {}

    public static Map<String, String> settings(
            String imapProtocol, String imapHost, int imapPort, String smtpProtocol, String smtpHost, int smtpPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(IMAP_PROTOCOL, imapProtocol);
        settings.put(IMAP_HOST, imapHost);
        settings.put(IMAP_PORT, Integer.toString(imapPort));
        settings.put(SMTP_PROTOCOL, smtpProtocol);
        settings.put(SMTP_HOST, smtpHost);
        settings.put(SMTP_PORT, Integer.toString(smtpPort));
        return settings;
    }

    public static Map<String, String> credentials(String username, String password) {
        return Map.of(USERNAME, username, PASSWORD, password);
    }

    static String imapProtocol(ChannelBinding binding) {
        return binding.setting(IMAP_PROTOCOL).orElse("imaps").toLowerCase(Locale.ROOT);
    }

    static String smtpProtocol(ChannelBinding binding) {
        return binding.setting(SMTP_PROTOCOL).orElse("smtps").toLowerCase(Locale.ROOT);
    }

    static String required(ChannelBinding binding, String setting) {
        return binding.setting(setting)
                .orElseThrow(() -> new IllegalArgumentException(binding + " has no setting '" + setting + "'"));
    }

    static String username(ChannelBinding binding) {
        return binding.credential(USERNAME).orElse(binding.inboundKey());
    }

    static String password(ChannelBinding binding) {
        return binding.credential(PASSWORD)
                .orElseThrow(() -> new IllegalArgumentException(binding + " has no credential 'password'"));
    }

    /** The domain of the binding's address: our replies' Message-IDs end with it. */
    static String domain(ChannelBinding binding) {
        String address = binding.inboundKey();
        int at = address.lastIndexOf('@');
        return at < 0 ? "assistant-gateway.invalid" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
