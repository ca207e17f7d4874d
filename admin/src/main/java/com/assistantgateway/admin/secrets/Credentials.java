package com.assistantgateway.admin.secrets;

import com.assistantgateway.routes.message.CanonicalJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** A map of credentials as one sealed column value, and its masked view for APIs, audit and logs. */
@Component
public class Credentials {

    /** What a view shows instead of a secret. */
    public static final String MASK = "********";

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final SecretCipher cipher;

    public Credentials(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public String seal(Map<String, String> credentials) {
        return credentials == null || credentials.isEmpty() ? null : cipher.seal(CanonicalJson.write(credentials));
    }

    public Map<String, String> open(String column) {
        if (column == null || column.isBlank()) {
            return Map.of();
        }
        // Plain JSON is a value stored before encryption existed; startup re-seals it (see SecretRotation).
        String json = SecretCipher.isSealed(column) ? cipher.open(column) : column;
        try {
            return CanonicalJson.mapper().readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new SecretException("decrypted credentials are not a JSON object of strings");
        }
    }

    /** The same keys, every value masked: tells an admin what is set without showing it. */
    public static Map<String, String> masked(Map<String, String> credentials) {
        Map<String, String> masked = new TreeMap<>();
        credentials.keySet().forEach(key -> masked.put(key, MASK));
        return masked;
    }

    /**
     * The column value sealed under the current master key; {@code null} when it is already. Plain values (stored
     * before encryption existed) are sealed too.
     */
    public String rotated(String column) {
        if (!SecretCipher.isSealed(column)) {
            return cipher.seal(column);
        }
        return cipher.needsRotation(column) ? cipher.seal(cipher.open(column)) : null;
    }
}
