package com.assistantgateway.admin.security;

import com.assistantgateway.routes.backbone.ChannelSignatures;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer secrets and their stored form. High-entropy secrets need no slow hash: SHA-256 is enough. */
final class Tokens {

    /** Prefix of login tokens; API keys start with {@link ApiKeys#PREFIX}. */
    static final String LOGIN_PREFIX = "agw_t_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String random(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hex(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return java.util.HexFormat.of().formatHex(secret);
    }

    static String sha256(String token) {
        return ChannelSignatures.sha256Hex(token);
    }

    static boolean sameHash(String storedSha256, String token) {
        return ChannelSignatures.tokenMatches(storedSha256, token);
    }
}
