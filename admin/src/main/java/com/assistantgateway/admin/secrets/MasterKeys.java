package com.assistantgateway.admin.secrets;

import com.assistantgateway.admin.AdminProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link SecretCipher} from the environment's master key, or from the embedded default's key file. */
@Configuration(proxyBeanMethods = false)
public class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

    @Bean
    SecretCipher secretCipher(AdminProperties properties) {
        byte[] current =
                properties.masterKey() == null || properties.masterKey().isBlank()
                        ? fromFile(properties.masterKeyFile())
                        : decode(properties.masterKey(), "gateway.admin.master-key");
        List<byte[]> previous = properties.previousMasterKeys().stream()
                .filter(key -> !key.isBlank())
                .map(key -> decode(key, "gateway.admin.previous-master-keys"))
                .toList();
        return new SecretCipher(current, previous);
    }

    private static byte[] decode(String base64, String setting) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length != 32) {
                throw new IllegalStateException(setting + " must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64 (openssl rand -base64 32)");
        }
    }

    private static byte[] fromFile(Path file) {
        if (file == null) {
            throw new IllegalStateException(
                    "no master key: set GATEWAY_MASTER_KEY to 32 random bytes in base64 (openssl rand -base64 32)");
        }
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                restrict(file);
                log.warn("generated a master key in {}; set GATEWAY_MASTER_KEY in production", file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the data directory's ACL.
        }
    }
}
