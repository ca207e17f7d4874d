package com.assistantgateway.admin.channels;

import com.assistantgateway.admin.AdminProperties;
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
 * Attachments on disk under {@code <attachmentsDir>/<tenant>/<message>/}, referenced as {@code
 * attachment:<tenant>/<message>/<n>-<name>}. A reference of another tenant never resolves: the tenant is a path
 * segment the caller must name.
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
public class FileAttachmentStore implements AttachmentStore {

    static final String SCHEME = "attachment:";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_NAME = 100;

    private final Path root;

    public FileAttachmentStore(AdminProperties properties) {
        this.root = properties.attachmentsDir().toAbsolutePath().normalize();
    }

    @Override
    public AttachmentRef store(
            TenantId tenantId, MessageId messageId, String fileName, String contentType, byte[] content) {
        Path folder = root.resolve(tenantId.value()).resolve(messageId.value());
        try {
            Files.createDirectories(folder);
            int index;
            try (var existing = Files.list(folder)) {
                index = (int) existing.count();
            }
            String name = index + "-" + safe(fileName);
            Files.write(folder.resolve(name), content);
            String uri = SCHEME + tenantId.value() + "/" + messageId.value() + "/" + name;
            return new AttachmentRef(uri, contentType, fileName, (long) content.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an attachment of message " + messageId, e);
        }
    }

    @Override
    public Optional<byte[]> read(TenantId tenantId, AttachmentRef attachment) {
        String prefix = SCHEME + tenantId.value() + "/";
        if (attachment.uri() == null || !attachment.uri().startsWith(prefix)) {
            return Optional.empty();
        }
        Path file = root.resolve(tenantId.value())
                .resolve(attachment.uri().substring(prefix.length()))
                .normalize();
        if (!file.startsWith(root.resolve(tenantId.value())) || !Files.isRegularFile(file)) {
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
