package com.assistantgateway.adapters.webchat;

import com.assistantgateway.adapters.webchat.VisitorTokens.Visitor;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A visitor's event stream: Server-Sent Events of their conversation, from after {@code Last-Event-ID}. The session
 * travels in the {@code Authorization} header (the widget reads the stream with {@code fetch}), never in the URL.
 * Served by Spring MVC rather than a route: a stream is a long-held response, not a message.
 */
@RestController
public class WebchatEventStream {

    private final ChannelBindings bindings;
    private final WebchatRequests requests;
    private final WebchatStreams streams;

    public WebchatEventStream(ChannelBindings bindings, WebchatRequests requests, WebchatStreams streams) {
        this.bindings = bindings;
        this.requests = requests;
        this.streams = streams;
    }

    @GetMapping(path = WebchatRoutes.EVENTS_PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(
            @PathVariable String bindingKey,
            @RequestHeader(value = WebchatRequests.ORIGIN, required = false) String origin,
            @RequestHeader(value = WebchatRequests.HOST, required = false) String host,
            @RequestHeader(value = WebchatRequests.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            HttpServletResponse response) {
        ChannelBinding binding = bindings.require(WebchatBinding.CHANNEL, bindingKey);
        requests.requireOrigin(WebchatBinding.settings(binding.settings()), origin, host, false);
        Visitor visitor = requests.session(binding, authorization);
        // Proxies (nginx) would otherwise buffer the stream and hold events back.
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-store");
        return streams.open(binding.tenantId(), visitor.conversation(), position(lastEventId));
    }

    /** The last position the visitor saw; anything else (absent, garbled) replays the conversation from its start. */
    static long position(String lastEventId) {
        try {
            return lastEventId == null ? 0 : Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @ExceptionHandler(ChannelRequestException.class)
    ResponseEntity<Map<String, Object>> refused(ChannelRequestException refused) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://assistant-gateway.dev/problems/" + refused.code());
        problem.put("title", refused.code());
        problem.put("status", refused.status());
        problem.put("detail", refused.getMessage());
        return ResponseEntity.status(refused.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
