package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.Acceptance;
import com.assistantgateway.routes.port.ChannelRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/** The web chat channel's answer to an accepted message: its id, for the widget to match the stream's copy. */
@Component
public class WebchatResponses {

    public String accepted(Acceptance acceptance, @Headers Map<String, Object> headers) {
        if (acceptance.differs()) {
            throw new ChannelRequestException(
                    422,
                    "client-message-id-reused",
                    "This clientMessageId was first used for message "
                            + acceptance.message().id().value() + " with other text; name each new message anew.");
        }
        headers.clear();
        headers.put(Exchange.HTTP_RESPONSE_CODE, 202);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        headers.put("Cache-Control", "no-store");
        GatewayMessage message = acceptance.message();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", message.id().value());
        body.put("conversationId", message.conversationId().value());
        body.put("status", "queued");
        return CanonicalJson.write(body);
    }

    /** A stop is announced; the reply written until then arrives as the message's reply. */
    public String stopping(@Header(GatewayHeaders.MESSAGE_ID) String messageId, @Headers Map<String, Object> headers) {
        headers.clear();
        headers.put(Exchange.HTTP_RESPONSE_CODE, 202);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", messageId);
        body.put("status", "stopping");
        return CanonicalJson.write(body);
    }
}
