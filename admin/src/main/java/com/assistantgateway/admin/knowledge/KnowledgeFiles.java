package com.assistantgateway.admin.knowledge;

import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * The uploaded files of every version, per tenant under {@code gateway.admin.sources-dir}: {@code <source>.v<n>}.
 * Files are written to a temporary name and moved into place, so a crash never leaves half a file.
 */
@Component
public class KnowledgeFiles {

    private final Path root;

    public KnowledgeFiles(AdminProperties properties) {
        this.root = properties.sourcesDir();
    }

    void write(TenantId tenantId, String sourceId, int version, byte[] content) {
        Path target = file(tenantId, sourceId, version);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), sourceId, ".upload");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store knowledge source " + sourceId, e);
        }
    }

    byte[] read(TenantId tenantId, String sourceId, int version) throws IOException {
        return Files.readAllBytes(existing(tenantId, sourceId, version));
    }

    boolean exists(TenantId tenantId, String sourceId, int version) {
        return Files.exists(existing(tenantId, sourceId, version));
    }

    void deleteAll(TenantId tenantId, String sourceId) {
        Path dir = root.resolve(tenantId.value());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(dir, glob(sourceId))) {
            for (Path file : versions) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(TenantId tenantId, String sourceId, int version) {
        return root.resolve(tenantId.value()).resolve(sourceId + ".v" + version);
    }

    /** Version 1 of a source uploaded before versions existed is the file without a suffix. */
    private Path existing(TenantId tenantId, String sourceId, int version) {
        Path file = file(tenantId, sourceId, version);
        Path legacy = root.resolve(tenantId.value()).resolve(sourceId);
        return version == 1 && !Files.exists(file) && Files.isRegularFile(legacy) ? legacy : file;
    }

    private static String glob(String sourceId) {
        return "{" + sourceId + "," + sourceId + ".v*}";
    }
}
