package com.assistantgateway.admin.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] OLD = key(1);
    private static final byte[] NEW = key(2);

    @Test
    void sealedValueOpensToThePlaintextAndNeverContainsIt() {
        SecretCipher cipher = new SecretCipher(OLD, List.of());

        String sealed = cipher.seal("imap-password");

        assertThat(sealed).startsWith("enc:v1:").doesNotContain("imap-password");
        assertThat(cipher.open(sealed)).isEqualTo("imap-password");
        assertThat(cipher.seal("imap-password")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void tamperedValueIsRefusedWithoutRevealingAnything() {
        SecretCipher cipher = new SecretCipher(OLD, List.of());
        String sealed = cipher.seal("twilio-token");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        raw[raw.length - 1] ^= 1;
        String tampered = sealed.substring(0, sealed.lastIndexOf(':') + 1)
                + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.open(tampered))
                .isInstanceOf(SecretException.class)
                .hasMessageNotContaining("twilio-token");
    }

    @Test
    void afterRotationOldValuesStillOpenAndAreResealedUnderTheNewKey() {
        String sealedUnderOld = new SecretCipher(OLD, List.of()).seal("webhook-secret");
        SecretCipher rotated = new SecretCipher(NEW, List.of(OLD));

        assertThat(rotated.open(sealedUnderOld)).isEqualTo("webhook-secret");
        assertThat(rotated.needsRotation(sealedUnderOld)).isTrue();
        String resealed = rotated.seal(rotated.open(sealedUnderOld));
        assertThat(rotated.needsRotation(resealed)).isFalse();
        assertThat(new SecretCipher(NEW, List.of()).open(resealed)).isEqualTo("webhook-secret");
    }

    @Test
    void valueUnderAKeyNoLongerConfiguredSaysWhichKeyIsMissing() {
        String sealedUnderOld = new SecretCipher(OLD, List.of()).seal("llm-key");
        SecretCipher withoutOld = new SecretCipher(NEW, List.of());

        assertThatThrownBy(() -> withoutOld.open(sealedUnderOld))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining(SecretCipher.keyId(OLD))
                .hasMessageContaining("not configured");
    }

    @Test
    void masterKeyMustBe256Bits() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16], List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
