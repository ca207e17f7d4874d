package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.port.ChannelRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Turns a refused channel request into an RFC 7807 problem response. The broker or the database being away is a
 * {@code 503} with {@code Retry-After} (nothing stored, send it again shortly); other unexpected failures say no more
 * than 500.
 */
@Component
public class Problems {

    /** Seconds a sender is asked to wait when the broker or database is away. */
    public static final String RETRY_AFTER_SECONDS = "5";

    public int status(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        if (failure instanceof ChannelRequestException refused) {
            return refused.status();
        }
        return unavailable(failure) ? 503 : 500;
    }

    /** Whether the failure is a backing service (broker, database) out of reach, not something about the request. */
    public boolean unavailable(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.jms.JMSException
                    || cause instanceof org.springframework.jms.JmsException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * The {@code Retry-After} seconds of a refusal that passes: a backing service away, or a rate limit (rounded up,
     * at least one second); {@code null} for refusals that waiting does not cure.
     */
    public String retryAfter(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        if (failure instanceof ChannelRequestException refused) {
            return refused.retryAfter()
                    .map(wait -> Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)))
                    .orElse(null);
        }
        return unavailable(failure) ? RETRY_AFTER_SECONDS : null;
    }

    public String body(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        Map<String, Object> problem = new LinkedHashMap<>();
        if (failure instanceof ChannelRequestException refused) {
            problem.put("type", "https://assistant-gateway.dev/problems/" + refused.code());
            problem.put("title", refused.code());
            problem.put("status", refused.status());
            problem.put("detail", refused.getMessage());
        } else if (unavailable(failure)) {
            problem.put("type", "https://assistant-gateway.dev/problems/unavailable");
            problem.put("title", "unavailable");
            problem.put("status", 503);
            problem.put(
                    "detail",
                    "The gateway's message broker or database is out of reach; nothing was stored. Send it again in a"
                            + " few seconds.");
        } else {
            problem.put("type", "https://assistant-gateway.dev/problems/internal-error");
            problem.put("title", "internal-error");
            problem.put("status", 500);
            problem.put("detail", "The gateway could not accept the message; nothing was stored. Retry later.");
        }
        return CanonicalJson.write(problem);
    }
}
