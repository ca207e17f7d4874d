package com.assistantgateway.admin.secrets;

import com.assistantgateway.admin.registry.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Rotating the master key: start with the new key as {@code GATEWAY_MASTER_KEY} and the old one in {@code
 * GATEWAY_PREVIOUS_MASTER_KEYS}. At startup (and on {@code POST /api/v1/platform/secrets/rotate}) every credential
 * still sealed under an old key, or stored before encryption existed, is sealed under the new one; then the old key
 * can go.
 */
@Component
public class SecretRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

    private final TenantRegistry registry;
    private final SecretCipher cipher;

    public SecretRotation(TenantRegistry registry, SecretCipher cipher) {
        this.registry = registry;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        int moved = registry.moveSecretsOutOfSettings("gateway");
        if (moved > 0) {
            log.warn(
                    "moved secrets that {} assistants and bindings held as settings into their sealed credentials",
                    moved);
        }
        rotate("gateway");
    }

    public int rotate(String actor) {
        int resealed = registry.resealCredentials(actor);
        if (resealed > 0) {
            log.info("re-encrypted {} credentials under master key {}", resealed, cipher.currentKeyId());
        }
        return resealed;
    }
}
