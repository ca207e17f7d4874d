package com.assistantgateway.admin.knowledge;

import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.storage.FileKind;
import com.assistantgateway.admin.storage.SharedFiles;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The uploaded files of every version ({@code <source>.v<n>}) in the shared database, so an ingestion job taken by
 * any instance reads the file another instance received. Files kept under {@code gateway.admin.sources-dir} by earlier
 * versions are still read from there.
 */
@Component
public class KnowledgeFiles {

    private final SharedFiles files;
    private final Path legacyRoot;

    public KnowledgeFiles(SharedFiles files, AdminProperties properties) {
        this.files = files;
        this.legacyRoot = properties.sourcesDir();
    }

    void write(TenantId tenantId, String sourceId, int version, byte[] content) {
        files.write(tenantId, FileKind.KNOWLEDGE_SOURCE, key(sourceId, version), content);
    }

    byte[] read(TenantId tenantId, String sourceId, int version) throws IOException {
        var stored = files.read(tenantId, FileKind.KNOWLEDGE_SOURCE, key(sourceId, version));
        if (stored.isPresent()) {
            return stored.get();
        }
        Path legacy = legacy(tenantId, sourceId, version);
        if (legacy == null) {
            throw new NoSuchFileException(key(sourceId, version));
        }
        return Files.readAllBytes(legacy);
    }

    boolean exists(TenantId tenantId, String sourceId, int version) {
        return files.exists(tenantId, FileKind.KNOWLEDGE_SOURCE, key(sourceId, version))
                || legacy(tenantId, sourceId, version) != null;
    }

    /** Every version of the source, and nothing of another whose id merely starts the same ("a" and "a.v2.pdf"). */
    void deleteAll(TenantId tenantId, String sourceId) {
        Pattern version = Pattern.compile(Pattern.quote(sourceId) + "\\.v\\d+");
        for (String key : files.keys(tenantId, FileKind.KNOWLEDGE_SOURCE, sourceId + ".v")) {
            if (version.matcher(key).matches()) {
                files.delete(tenantId, FileKind.KNOWLEDGE_SOURCE, key);
            }
        }
    }

    private static String key(String sourceId, int version) {
        return sourceId + ".v" + version;
    }

    /** The file an earlier version kept on disk (version 1 of a source from before versions: no suffix), or null. */
    private Path legacy(TenantId tenantId, String sourceId, int version) {
        Path dir = legacyRoot.resolve(tenantId.value());
        Path file = dir.resolve(key(sourceId, version));
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path unversioned = dir.resolve(sourceId);
        return version == 1 && Files.isRegularFile(unversioned) ? unversioned : null;
    }
}
