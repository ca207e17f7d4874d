package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.util.HashMap;
import java.util.Map;

/**
 * What a webhook binding stores: the bearer token only as its SHA-256, the HMAC secret (needed to verify and sign),
 * and the optional callback URL.
 */
public final class WebhookBinding {

    public static final ChannelId CHANNEL = new ChannelId("webhook");
    public static final String TOKEN_SHA256 = "tokenSha256";
    public static final String SIGNING_SECRET = "signingSecret";
    public static final String CALLBACK_URL = "callbackUrl";
    /**
     * How signed requests are signed: {@link #TIMESTAMPED} (default: {@code <X-Gateway-Timestamp>.<body>}, within a
     * window, each signature accepted once) or {@link #BODY_ONLY} (the body alone, which a captured request can be
     * replayed against forever; only for senders that cannot sign a timestamp).
     */
    public static final String SIGNATURE_SCHEME = "signatureScheme";

    public static final String TIMESTAMPED = "timestamped";
    public static final String BODY_ONLY = "body";

    private WebhookBinding() {}

    public static Map<String, String> credentials(String token, String signingSecret) {
        Map<String, String> credentials = new HashMap<>();
        credentials.put(TOKEN_SHA256, ChannelSignatures.sha256Hex(token));
        if (signingSecret != null && !signingSecret.isBlank()) {
            credentials.put(SIGNING_SECRET, signingSecret);
        }
        return credentials;
    }

    static String signatureScheme(ChannelBinding binding) {
        return binding.setting(SIGNATURE_SCHEME).orElse(TIMESTAMPED);
    }

    public static Map<String, String> settings(String callbackUrl) {
        return callbackUrl == null || callbackUrl.isBlank() ? Map.of() : Map.of(CALLBACK_URL, callbackUrl);
    }
}
