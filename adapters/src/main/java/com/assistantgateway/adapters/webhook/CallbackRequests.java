package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Headers;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.stereotype.Component;

/**
 * Prepares the signed callback of a reply, when its binding has a callback URL. The delivery id is the reply's id,
 * the same on every retry, so a receiver can drop the rare duplicate of an at-least-once delivery.
 */
@Component
public class CallbackRequests {

    public static final String TIMESTAMP = ChannelSignatures.TIMESTAMP_HEADER;
    public static final String SIGNATURE = ChannelSignatures.SIGNATURE_HEADER;
    public static final String DELIVERY_ID = ChannelSignatures.DELIVERY_ID_HEADER;
    public static final String ATTEMPT = "X-Gateway-Attempt";

    private final ChannelBindings bindings;
    private final Clock clock;

    public CallbackRequests(ChannelBindings bindings, Clock clock) {
        this.bindings = bindings;
        this.clock = clock;
    }

    /** The callback body with HTTP headers set, or {@code null} when the binding has no callback URL. */
    public String prepare(GatewayMessage reply, @Headers Map<String, Object> headers) {
        Object attempt = headers.get(GatewayHeaders.JMS_DELIVERY_COUNT);
        headers.clear();
        Optional<ChannelBinding> binding = bindings.find(reply.tenantId(), reply.bindingId());
        Optional<String> callbackUrl = binding.flatMap(b -> b.setting(WebhookBinding.CALLBACK_URL));
        if (callbackUrl.isEmpty()) {
            return null;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", reply.inReplyTo().value());
        payload.put("conversationId", reply.conversationId().value());
        payload.put("reply", WebhookResponses.reply(reply));
        String body = CanonicalJson.write(payload);
        long timestamp = clock.instant().getEpochSecond();
        headers.put(Exchange.HTTP_URI, callbackUrl.get());
        headers.put(Exchange.HTTP_METHOD, HttpMethods.POST); // what the http component reads: no conversion per call
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        headers.put(DELIVERY_ID, reply.id().value());
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(ATTEMPT, attempt == null ? "1" : attempt.toString());
        binding.get()
                .credential(WebhookBinding.SIGNING_SECRET)
                .ifPresent(secret -> headers.put(SIGNATURE, ChannelSignatures.signCallback(secret, timestamp, body)));
        return body;
    }
}
