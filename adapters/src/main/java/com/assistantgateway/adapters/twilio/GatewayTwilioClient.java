package com.assistantgateway.adapters.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST client camel-twilio sends with. camel-twilio's Messages create takes only the required arguments (to,
 * from or Messaging Service, body); the optional {@code StatusCallback}, {@code ContentSid} and {@code
 * ContentVariables} of the part being sent are added here, matched by account, recipient and text to what {@link
 * #sending} announced (camel-twilio calls the client on its own thread). It also sends to a configured API base URL
 * instead of api.twilio.com (egress proxies, tests).
 */
public class GatewayTwilioClient extends TwilioRestClient {

    private static final Pattern MESSAGES_CREATE = Pattern.compile(".*/Accounts/([^/]+)/Messages\\.json$");
    private static final Map<String, TwilioPart> SENDING = new ConcurrentHashMap<>();

    private final URI apiBase;

    GatewayTwilioClient(Builder builder, String apiBaseUrl) {
        super(builder);
        this.apiBase = URI.create(apiBaseUrl.replaceAll("/+$", ""));
    }

    /** Announces the part whose Messages create request camel-twilio is about to make. */
    static void sending(TwilioPart part) {
        SENDING.put(key(part.accountSid(), part.to(), part.body()), part);
    }

    @Override
    public Response request(Request request) {
        Request actual = rebased(request);
        Matcher create = MESSAGES_CREATE.matcher(URI.create(actual.getUrl()).getPath());
        if (actual.getMethod() == HttpMethod.POST && create.matches()) {
            TwilioPart part = SENDING.remove(key(create.group(1), first(actual, "To"), first(actual, "Body")));
            if (part != null) {
                addOptionalParameters(actual, part);
            }
        }
        return super.request(actual);
    }

    private static void addOptionalParameters(Request request, TwilioPart part) {
        if (part.statusCallback() != null) {
            request.addPostParam("StatusCallback", part.statusCallback());
        }
        if (part.contentSid() != null) {
            request.getPostParams().remove("Body");
            request.addPostParam("ContentSid", part.contentSid());
            if (part.contentVariables() != null) {
                request.addPostParam("ContentVariables", part.contentVariables());
            }
        }
    }

    private static String key(String accountSid, String to, String body) {
        return accountSid + '\u0000' + to + '\u0000' + body;
    }

    private static String first(Request request, String name) {
        List<String> values = request.getPostParams().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private Request rebased(Request request) {
        URI original = URI.create(request.getUrl());
        if (apiBase.getHost().equals(original.getHost()) && apiBase.getScheme().equals(original.getScheme())) {
            return request;
        }
        Request copy = new Request(request.getMethod(), apiBase + original.getRawPath());
        copy(request.getQueryParams(), copy::addQueryParam);
        copy(request.getPostParams(), copy::addPostParam);
        copy(request.getHeaderParams(), copy::addHeaderParam);
        return copy;
    }

    private static void copy(Map<String, List<String>> from, BiConsumer<String, String> to) {
        from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
    }
}
