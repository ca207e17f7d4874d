package com.assistantgateway.admin.channels;

import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.storage.FileKind;
import com.assistantgateway.admin.storage.SharedFiles;
import com.assistantgateway.routes.message.AttachmentRef;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AttachmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Attachments in the shared database ({@link SharedFiles}), referenced as {@code
 * attachment:<tenant>/<message>/<n>-<name>}: any instance reads what another received. A reference of another tenant
 * never resolves: the tenant is part of the key the caller must name. Attachments kept on disk under {@code
 * gateway.admin.attachments-dir} by earlier versions are still read from there.
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
public class SharedAttachmentStore implements AttachmentStore {

    static final String SCHEME = "attachment:";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_NAME = 100;

    private final SharedFiles files;
    private final Path legacyRoot;

    public SharedAttachmentStore(SharedFiles files, AdminProperties properties) {
        this.files = files;
        this.legacyRoot = properties.attachmentsDir().toAbsolutePath().normalize();
    }

    @Override
    public AttachmentRef store(
            TenantId tenantId, MessageId messageId, String fileName, String contentType, byte[] content) {
        String folder = messageId.value() + "/";
        String key = folder + files.count(tenantId, FileKind.ATTACHMENT, folder) + "-" + safe(fileName);
        files.write(tenantId, FileKind.ATTACHMENT, key, content);
        return new AttachmentRef(SCHEME + tenantId.value() + "/" + key, contentType, fileName, (long) content.length);
    }

    @Override
    public Optional<byte[]> read(TenantId tenantId, AttachmentRef attachment) {
        String prefix = SCHEME + tenantId.value() + "/";
        if (attachment.uri() == null || !attachment.uri().startsWith(prefix)) {
            return Optional.empty();
        }
        String key = attachment.uri().substring(prefix.length());
        return files.read(tenantId, FileKind.ATTACHMENT, key).or(() -> legacy(tenantId, key));
    }

    private Optional<byte[]> legacy(TenantId tenantId, String key) {
        Path tenantRoot = legacyRoot.resolve(tenantId.value());
        Path file = tenantRoot.resolve(key).normalize();
        if (!file.startsWith(tenantRoot) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safe(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName;
        name = UNSAFE.matcher(name).replaceAll("_");
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }
}
