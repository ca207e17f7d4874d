package com.assistantgateway.adapters.twilio;

import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.MessageLedger;
import com.assistantgateway.routes.port.OptOuts;
import com.assistantgateway.routes.port.OutboundPacing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Headers;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channel rules every outbound SMS and WhatsApp message passes, whoever wrote it (assistant, human operator,
 * automation): nothing to opted-out numbers; WhatsApp free-form only inside the 24-hour customer-service window,
 * else the approved template or, without one, the conversation is handed to a human; SMS split into sensible
 * segment-sized messages. Parts already handed to Twilio are not sent again on a redelivery.
 */
@Component
public class TwilioOutbound {

    static final String PART = "twilioPart";
    static final String WINDOW_CLOSED = "whatsapp-window-closed";

    private static final Logger log = LoggerFactory.getLogger(TwilioOutbound.class);

    private final ChannelBindings bindings;
    private final MessageLedger ledger;
    private final OptOuts optOuts;
    private final ChannelOutcomes outcomes;
    private final TwilioProperties properties;
    private final OutboundPacing pacing;
    private final Clock clock;

    public TwilioOutbound(
            ChannelBindings bindings,
            MessageLedger ledger,
            OptOuts optOuts,
            ChannelOutcomes outcomes,
            TwilioProperties properties,
            OutboundPacing pacing,
            Clock clock) {
        this.bindings = bindings;
        this.ledger = ledger;
        this.optOuts = optOuts;
        this.outcomes = outcomes;
        this.properties = properties;
        this.pacing = pacing;
        this.clock = clock;
    }

    /** The Twilio messages to send for a reply; empty when a rule holds it back (recorded as a delivery status). */
    public List<TwilioPart> plan(GatewayMessage reply) {
        ChannelBinding binding = bindings.find(reply.tenantId(), reply.bindingId())
                .orElseThrow(() -> new IllegalStateException("binding of reply " + reply.id() + " is gone"));
        if (optOuts.isOptedOut(reply.tenantId(), reply.to())) {
            withheld(reply, "opted-out");
            return List.of();
        }
        List<TwilioPart> parts = new ArrayList<>();
        if (TwilioBinding.WHATSAPP.equals(binding.channel()) && !insideWindow(binding, reply)) {
            Optional<String> template = binding.setting(TwilioBinding.TEMPLATE_CONTENT_SID);
            if (template.isEmpty()) {
                ledger.flagForHuman(reply.tenantId(), reply.conversationId(), WINDOW_CLOSED);
                withheld(reply, WINDOW_CLOSED);
                return List.of();
            }
            parts.add(part(binding, reply, 0, reply.text(), template.get(), variables(binding, reply)));
        } else {
            List<String> texts = TwilioBinding.SMS.equals(binding.channel())
                    ? SmsSegments.split(reply.text())
                    : SmsSegments.split(reply.text(), SmsSegments.TWILIO_MAX_CHARS);
            for (int i = 0; i < texts.size(); i++) {
                parts.add(part(binding, reply, i, texts.get(i), null, null));
            }
        }
        return parts.stream()
                .filter(p -> !outcomes.alreadySent(reply, p.part()))
                .toList();
    }

    /**
     * Waits until the part's sender may deliver it without going over its rate (SMS: its segments; WhatsApp: one
     * message), on whichever instance sends through that number.
     */
    public void pace(TwilioPart part) throws InterruptedException {
        int units = TwilioBinding.SMS.equals(part.reply().channel()) ? SmsSegments.segments(part.body()) : 1;
        Duration waited = pacing.await(part.reply().channel().value() + ":" + part.sender(), units, part.sendRate());
        if (waited.toMillis() >= 1000) {
            log.debug(
                    "part {} of reply {} waited {} for its sender's turn",
                    part.part(),
                    part.reply().id(),
                    waited);
        }
    }

    /** Hands camel-twilio the part's arguments, as {@code CamelTwilio.<argument>} headers. */
    public void arguments(TwilioPart part, @Headers Map<String, Object> headers) {
        headers.put(TwilioRoutes.ARGUMENT + "pathAccountSid", part.accountSid());
        headers.put(TwilioRoutes.ARGUMENT + "to", new PhoneNumber(part.to()));
        if (part.messagingServiceSid() != null) {
            headers.put(TwilioRoutes.ARGUMENT + "messagingServiceSid", part.messagingServiceSid());
        } else {
            headers.put(TwilioRoutes.ARGUMENT + "from", new PhoneNumber(part.from()));
        }
        headers.put(TwilioRoutes.ARGUMENT + "body", part.body());
        GatewayTwilioClient.sending(part);
    }

    public void sent(@Variable(PART) TwilioPart part, Message created) {
        String status =
                created.getStatus() == null ? "queued" : created.getStatus().toString();
        outcomes.sent(part.reply(), part.part(), created.getSid(), status);
    }

    private boolean insideWindow(ChannelBinding binding, GatewayMessage reply) {
        Optional<Instant> last = ledger.lastInbound(reply.tenantId(), binding.id(), reply.to());
        return last.isPresent() && last.get().plus(properties.whatsappWindow()).isAfter(clock.instant());
    }

    private void withheld(GatewayMessage reply, String reason) {
        log.info("reply {} to {} withheld: {}", reply.id(), reply.to(), reason);
        outcomes.withheld(reply, reason);
    }

    private TwilioPart part(
            ChannelBinding binding, GatewayMessage reply, int index, String body, String contentSid, String variables) {
        return new TwilioPart(
                reply,
                index,
                binding.setting(TwilioBinding.ACCOUNT_SID).orElse(properties.accountSid()),
                TwilioBinding.address(binding.channel(), reply.to()),
                TwilioBinding.address(
                        binding.channel(), binding.setting(TwilioBinding.FROM).orElse(null)),
                binding.setting(TwilioBinding.MESSAGING_SERVICE_SID).orElse(null),
                body,
                contentSid,
                variables,
                statusCallback(binding),
                sendRate(binding));
    }

    private int sendRate(ChannelBinding binding) {
        return binding.setting(TwilioBinding.SEND_RATE)
                .map(String::strip)
                .map(Integer::parseInt)
                .orElse(
                        TwilioBinding.WHATSAPP.equals(binding.channel())
                                ? properties.pacing().whatsappMessagesPerSecond()
                                : properties.pacing().smsSegmentsPerSecond());
    }

    private String statusCallback(ChannelBinding binding) {
        if (properties.publicBaseUrl().isBlank()) {
            return null;
        }
        return properties.publicBaseUrl().replaceAll("/+$", "") + "/channels/twilio/" + binding.inboundKey() + "/"
                + binding.channel() + "/status";
    }

    private static String variables(ChannelBinding binding, GatewayMessage reply) {
        String template = binding.setting(TwilioBinding.TEMPLATE_VARIABLES).orElse("{\"1\":\"{{reply}}\"}");
        try {
            String quoted = CanonicalJson.mapper().writeValueAsString(reply.text());
            return template.replace("\"{{reply}}\"", quoted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
