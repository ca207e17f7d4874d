package com.assistantgateway.admin.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a key ring: the current master key encrypts, every key of the ring decrypts. A sealed value reads
 * {@code enc:v1:<key id>:<base64 of nonce and ciphertext>}; the key id (the first bytes of the key's SHA-256) says
 * which key opens it, so values sealed under a previous key stay readable until they are re-encrypted.
 */
public final class SecretCipher {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param current the 32-byte master key that encrypts; {@code previous} keys only decrypt */
    public SecretCipher(byte[] current, List<byte[]> previous) {
        this.currentId = add(current);
        previous.forEach(this::add);
    }

    private String add(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a master key is 32 bytes (AES-256), not " + key.length);
        }
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    public String seal(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws SecretException when the value is not sealed, its key is not in the ring, or it was tampered with */
    public String open(String sealed) {
        if (!isSealed(sealed)) {
            throw new SecretException("value is not encrypted");
        }
        String rest = sealed.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String id = colon < 0 ? "" : rest.substring(0, colon);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new SecretException("value was encrypted under master key " + id + ", which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(id.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretException("value cannot be decrypted under master key " + id);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Whether the value is sealed under a key other than the current one (rotation has work to do). */
    public boolean needsRotation(String sealed) {
        return isSealed(sealed) && !sealed.startsWith(PREFIX + currentId + ":");
    }

    public String currentKeyId() {
        return currentId;
    }

    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
