package com.assistantgateway.routes.backbone;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures and token hashes that channels share (webhook requests and callbacks, scrape pushes and
 * notifications), compared in constant time. */
public final class ChannelSignatures {

    public static final String PREFIX = "sha256=";

    /** Headers of a signed callback or notification: see {@link #signCallback}. */
    public static final String TIMESTAMP_HEADER = "X-Gateway-Timestamp";

    public static final String SIGNATURE_HEADER = "X-Gateway-Signature";
    public static final String DELIVERY_ID_HEADER = "X-Gateway-Delivery-Id";

    private ChannelSignatures() {}

    /** {@code sha256=<hex HMAC-SHA256 of the bytes with the secret>}. */
    public static String sign(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The callback signature: over {@code timestamp + "." + body}, so a captured callback cannot be replayed later. */
    public static String signCallback(String secret, long timestamp, String body) {
        return sign(secret, (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean verify(String secret, byte[] payload, String presented) {
        return presented != null
                && constantTimeEquals(sign(secret, payload), presented.trim().toLowerCase());
    }

    public static String sha256Hex(String token) {
        return sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static boolean tokenMatches(String tokenSha256, String presentedToken) {
        return tokenSha256 != null
                && presentedToken != null
                && constantTimeEquals(tokenSha256, sha256Hex(presentedToken));
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
