package com.assistantgateway.adapters.twilio;

import com.assistantgateway.routes.message.ChannelId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Twilio binding, channel {@code sms} or {@code whatsapp}. Its inbound key is the {@code {bindingKey}} in the
 * webhook URL {@code /channels/twilio/{bindingKey}/sms} (or {@code /whatsapp}), which is what the Twilio number's
 * "A message comes in" webhook is set to.
 */
public final class TwilioBinding {

    public static final ChannelId SMS = new ChannelId("sms");
    public static final ChannelId WHATSAPP = new ChannelId("whatsapp");

    /** The subaccount that owns the number. */
    public static final String ACCOUNT_SID = "accountSid";
    /** The sending number (E.164, without {@code whatsapp:}), unless a Messaging Service sends. */
    public static final String FROM = "from";

    public static final String MESSAGING_SERVICE_SID = "messagingServiceSid";
    /** WhatsApp: an approved template (Content SID) for replies outside the 24-hour window. */
    public static final String TEMPLATE_CONTENT_SID = "templateContentSid";
    /** WhatsApp: the template's variables as JSON; {@code {{reply}}} is replaced by the reply's text. */
    public static final String TEMPLATE_VARIABLES = "templateVariables";
    /**
     * What the sender delivers a second: SMS segments for a number or Messaging Service (Twilio: 1 for a long code,
     * 3 for toll-free, 100 for a short code), WhatsApp messages for a business number. Default: {@code
     * gateway.adapters.twilio.pacing}.
     */
    public static final String SEND_RATE = "sendRate";

    static final int MAX_SEND_RATE = 1000;

    /** The subaccount's auth token: validates the webhook signatures Twilio sends for this number. */
    public static final String AUTH_TOKEN = "authToken";

    private TwilioBinding() {}

    public static Map<String, String> settings(String accountSid, String from) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ACCOUNT_SID, accountSid);
        settings.put(FROM, from);
        return settings;
    }

    public static Map<String, String> credentials(String authToken) {
        return Map.of(AUTH_TOKEN, authToken);
    }

    /** What is wrong with the send rate a binding sets, if anything. */
    static Optional<String> sendRateProblem(Map<String, String> settings) {
        String rate = settings.get(SEND_RATE);
        if (rate == null || rate.isBlank()) {
            return Optional.empty();
        }
        try {
            int perSecond = Integer.parseInt(rate.strip());
            if (perSecond >= 1 && perSecond <= MAX_SEND_RATE) {
                return Optional.empty();
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        return Optional.of(SEND_RATE + " must be a whole number of messages a second from 1 to " + MAX_SEND_RATE
                + " (Twilio: 1 for a long code, 3 for toll-free, 100 for a short code).");
    }

    static String address(ChannelId channel, String number) {
        if (number == null) {
            return null;
        }
        boolean prefixed = number.startsWith("whatsapp:");
        if (WHATSAPP.equals(channel)) {
            return prefixed ? number : "whatsapp:" + number;
        }
        return prefixed ? number.substring("whatsapp:".length()) : number;
    }
}
