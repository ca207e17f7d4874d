package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.port.ChannelRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/** Turns a refused channel request into an RFC 7807 problem response; unexpected failures say no more than 500. */
@Component
public class Problems {

    public int status(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        return failure instanceof ChannelRequestException refused ? refused.status() : 500;
    }

    public String body(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        Map<String, Object> problem = new LinkedHashMap<>();
        if (failure instanceof ChannelRequestException refused) {
            problem.put("type", "https://assistant-gateway.dev/problems/" + refused.code());
            problem.put("title", refused.code());
            problem.put("status", refused.status());
            problem.put("detail", refused.getMessage());
        } else {
            problem.put("type", "https://assistant-gateway.dev/problems/internal-error");
            problem.put("title", "internal-error");
            problem.put("status", 500);
            problem.put("detail", "The gateway could not accept the message; nothing was stored. Retry later.");
        }
        return CanonicalJson.write(problem);
    }
}
