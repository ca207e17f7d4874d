package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.Envelope;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Headers;
import org.apache.camel.Variable;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.stereotype.Component;

/**
 * Where the assistant's reply to a scraped page goes. A watcher's summary goes to the binding's notify URL (a signed
 * JSON POST) or, as a new mail, through the tenant's email binding; a support assistant's re-index note goes nowhere
 * and is only recorded.
 */
@Component
public class ScrapeNotifications {

    /** The variable holding the reply while its notification is sent. */
    static final String REPLY = "reply";

    /** What {@link #route} decided. */
    public enum Target {
        WEBHOOK,
        EMAIL,
        NONE
    }

    private final ChannelBindings bindings;
    private final ChannelOutcomes outcomes;
    private final Envelope envelope;
    private final Clock clock;

    public ScrapeNotifications(ChannelBindings bindings, ChannelOutcomes outcomes, Envelope envelope, Clock clock) {
        this.bindings = bindings;
        this.outcomes = outcomes;
        this.envelope = envelope;
        this.clock = clock;
    }

    public Target route(GatewayMessage reply) {
        if (outcomes.alreadySent(reply, 0)) {
            return Target.NONE;
        }
        ChannelBinding binding = binding(reply);
        if (binding.setting(ScrapeBinding.NOTIFY_URL).isPresent()) {
            return Target.WEBHOOK;
        }
        if (binding.setting(ScrapeBinding.NOTIFY_EMAIL).isPresent()
                && binding.setting(ScrapeBinding.NOTIFY_EMAIL_BINDING).isPresent()) {
            return Target.EMAIL;
        }
        return Target.NONE;
    }

    /** A reply with nowhere to go (a support assistant's re-index note): recorded, not sent. */
    public void recorded(GatewayMessage reply) {
        outcomes.sent(reply, 0, null, "recorded");
    }

    /** The signed JSON POST to the notify URL (camel-http reads the URL from {@code CamelHttpUri}). */
    public String webhook(GatewayMessage reply, @Headers Map<String, Object> headers) {
        ChannelBinding binding = binding(reply);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "page.changed");
        body.put("messageId", reply.id().value());
        body.put("url", reply.to());
        body.put("title", reply.subject());
        body.put("summary", reply.text());
        String json = CanonicalJson.write(body);
        long timestamp = clock.instant().getEpochSecond();
        headers.clear();
        headers.put(Exchange.HTTP_URI, binding.setting(ScrapeBinding.NOTIFY_URL).orElseThrow());
        headers.put(Exchange.HTTP_METHOD, HttpMethods.POST); // what the http component reads: no conversion per call
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        headers.put(ChannelSignatures.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(ChannelSignatures.DELIVERY_ID_HEADER, reply.id().value());
        binding.credential(ScrapeBinding.SIGNING_SECRET)
                .ifPresent(secret -> headers.put(
                        ChannelSignatures.SIGNATURE_HEADER, ChannelSignatures.signCallback(secret, timestamp, json)));
        return json;
    }

    /**
     * The summary as a new outbound message on the tenant's binding named by {@code notifyEmailBinding}, in the
     * envelope the egress dispatch routes by: that binding's channel (the email channel) sends it like any reply.
     */
    public String email(GatewayMessage reply, @Headers Map<String, Object> headers) {
        ChannelBinding binding = binding(reply);
        BindingId notifyBinding = new BindingId(
                binding.setting(ScrapeBinding.NOTIFY_EMAIL_BINDING).orElseThrow());
        ChannelId channel = bindings.find(reply.tenantId(), notifyBinding)
                .map(ChannelBinding::channel)
                .orElseThrow(() -> new IllegalStateException(
                        binding + " notifies through binding '" + notifyBinding + "', which does not exist"));
        GatewayMessage mail = new GatewayMessage(
                GatewayMessage.SCHEMA_VERSION,
                // Derived from the reply, so a redelivered notification is the same mail, sent once.
                new MessageId(UUID.nameUUIDFromBytes(("notify:" + reply.id().value()).getBytes(StandardCharsets.UTF_8))
                        .toString()),
                reply.tenantId(),
                reply.assistantId(),
                reply.conversationId(),
                channel,
                notifyBinding,
                reply.direction(),
                null,
                binding.setting(ScrapeBinding.NOTIFY_EMAIL).orElseThrow(),
                "Changes on " + (reply.subject() == null ? reply.to() : reply.subject()),
                reply.text() + "\n\n" + reply.to(),
                List.of(),
                null,
                null,
                reply.locale(),
                clock.instant(),
                clock.instant(),
                reply.traceId(),
                List.of(),
                null,
                Map.of());
        headers.clear();
        envelope.stamp(mail, headers);
        return CanonicalJson.write(mail);
    }

    public void sent(@Variable(REPLY) GatewayMessage reply) {
        outcomes.sent(reply, 0, null, "notified");
    }

    private ChannelBinding binding(GatewayMessage reply) {
        return bindings.find(reply.tenantId(), reply.bindingId())
                .orElseThrow(() -> new IllegalStateException("binding of reply " + reply.id() + " is gone"));
    }
}
