package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed visitor tokens of one binding, under its generated {@code sessionKey}: a short-lived <em>session</em> that
 * authorizes posting and reading the stream, and a longer <em>resume</em> token the widget keeps (per the binding's
 * persistence) to open the next session in the same conversation. Neither is ever put in a URL. Any instance verifies
 * what another issued: the key is the binding's, in the shared registry.
 */
public final class VisitorTokens {

    /** What a token is good for: a session for requests, a resume token only for opening the next session. */
    public enum Kind {
        SESSION,
        RESUME
    }

    /**
     * A verified token's claims.
     *
     * @param tenant the binding's tenant
     * @param binding the binding it was issued for
     * @param visitor the visitor's id: random for anonymous visitors, the tenant's own for verified ones
     * @param verified whether the tenant's server vouched for {@code visitor}
     * @param conversation the visitor's conversation on this binding
     * @param expiresAt when it stops being accepted
     */
    public record Visitor(
            TenantId tenant,
            BindingId binding,
            String visitor,
            boolean verified,
            ConversationId conversation,
            Instant expiresAt) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Clock clock;

    public VisitorTokens(Clock clock) {
        this.clock = clock;
    }

    public String issue(ChannelBinding binding, Kind kind, Visitor visitor, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("k", kind.name());
        claims.put("t", visitor.tenant().value());
        claims.put("b", visitor.binding().value());
        claims.put("v", visitor.visitor());
        claims.put("ver", visitor.verified());
        claims.put("c", visitor.conversation().value());
        claims.put("e", clock.instant().plus(lifetime).getEpochSecond());
        String payload = ENCODER.encodeToString(CanonicalJson.write(claims).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(key(binding), payload));
    }

    /** The token's visitor when it was issued by this binding for this purpose and has not expired. */
    public Optional<Visitor> verify(ChannelBinding binding, Kind kind, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(key(binding), payload), signature)) {
            return Optional.empty();
        }
        JsonNode claims;
        try {
            claims = CanonicalJson.mapper().readTree(new String(DECODER.decode(payload), StandardCharsets.UTF_8));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty(); // signed by us, so not expected: an older token format
        }
        Instant expiresAt = Instant.ofEpochSecond(claims.path("e").asLong());
        if (!kind.name().equals(claims.path("k").asText())
                || !binding.tenantId().value().equals(claims.path("t").asText())
                || !binding.id().value().equals(claims.path("b").asText())
                || !clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Visitor(
                binding.tenantId(),
                binding.id(),
                claims.path("v").asText(),
                claims.path("ver").asBoolean(),
                new ConversationId(claims.path("c").asText()),
                expiresAt));
    }

    /** HMAC-SHA256 of a visitor id under the binding's identity secret, as the tenant's server computes it. */
    public static String visitorHash(String identitySecret, String visitorId) {
        return HexFormat.of().formatHex(mac(identitySecret.getBytes(StandardCharsets.UTF_8), visitorId));
    }

    private static byte[] key(ChannelBinding binding) {
        return binding.credential(WebchatBinding.SESSION_KEY)
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException(binding + " has no " + WebchatBinding.SESSION_KEY));
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
