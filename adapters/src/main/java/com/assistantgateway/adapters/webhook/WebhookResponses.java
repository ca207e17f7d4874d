package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.port.Acceptance;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.MessageLedger;
import com.assistantgateway.routes.port.MessageStatus;
import com.assistantgateway.routes.port.MessageView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/** The webhook channel's JSON: acceptance, message status and reply. */
@Component
public class WebhookResponses {

    public static final String REPLAYED = "Idempotent-Replayed";

    private final MessageLedger ledger;

    public WebhookResponses(MessageLedger ledger) {
        this.ledger = ledger;
    }

    public String accepted(Acceptance acceptance, @Headers Map<String, Object> headers) {
        if (acceptance.differs()) {
            // As payment APIs do: a key names one request; reusing it for another is the caller's mistake, said so.
            throw new ChannelRequestException(
                    422,
                    "idempotency-key-reused",
                    "This Idempotency-Key was first used for message "
                            + acceptance.message().id().value()
                            + " with other content; use a new key for a new message.");
        }
        headers.clear();
        headers.put(Exchange.HTTP_RESPONSE_CODE, 202);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        if (!acceptance.fresh()) {
            headers.put(REPLAYED, "true");
        }
        GatewayMessage message = acceptance.message();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", message.id().value());
        body.put("conversationId", message.conversationId().value());
        body.put("status", "queued");
        return CanonicalJson.write(body);
    }

    public String status(
            ChannelBinding binding, @Header("messageId") String messageId, @Headers Map<String, Object> headers) {
        MessageView view = (MessageId.isValid(messageId)
                        ? ledger.find(binding.tenantId(), new MessageId(messageId))
                        : Optional.<MessageView>empty())
                .filter(found -> binding.id().equals(found.message().bindingId()))
                .orElseThrow(() -> ChannelRequestException.notFound("No message '" + messageId + "' on this binding."));
        headers.clear();
        headers.put(Exchange.HTTP_RESPONSE_CODE, 200);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", view.message().id().value());
        body.put("conversationId", view.message().conversationId().value());
        body.put("status", statusName(view.status()));
        view.reply().ifPresent(reply -> body.put("reply", reply(reply)));
        return CanonicalJson.write(body);
    }

    /** Callers see {@code queued} for a message whose enqueue is still being confirmed. */
    static String statusName(MessageStatus status) {
        return (status == MessageStatus.RECEIVED ? MessageStatus.QUEUED : status)
                .name()
                .toLowerCase(Locale.ROOT);
    }

    /** The reply object shared by status responses and callbacks. */
    public static Map<String, Object> reply(GatewayMessage reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", reply.id().value());
        body.put("text", reply.text());
        body.put("citations", citations(reply.citations()));
        body.put("confidence", reply.confidence());
        return body;
    }

    private static List<Map<String, String>> citations(List<Citation> citations) {
        return citations.stream()
                .map(c -> {
                    Map<String, String> citation = new LinkedHashMap<>();
                    citation.put("source", c.source());
                    citation.put("title", c.title());
                    citation.put("snippet", c.snippet());
                    return citation;
                })
                .toList();
    }
}
