package com.assistantgateway.admin.storage;

import com.assistantgateway.routes.message.TenantId;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files in the shared database, per tenant and kind. A file is written whole or not at all (one transaction), and
 * replaced the same way; a tenant can only ever name its own files.
 */
@Component
public class SharedFiles {

    /** Well under MariaDB's default max_allowed_packet (16 MB), so any server takes a chunk as it is configured. */
    static final int CHUNK_BYTES = 512 * 1024;

    private final StoredFileMapper mapper;
    private final Clock clock;

    public SharedFiles(StoredFileMapper mapper, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
    }

    @Transactional
    public void write(TenantId tenantId, FileKind kind, String key, byte[] content) {
        mapper.delete(tenantId, kind, key);
        Instant now = clock.instant();
        int chunk = 0;
        for (int offset = 0; offset < content.length || chunk == 0; offset += CHUNK_BYTES, chunk++) {
            byte[] part = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + CHUNK_BYTES));
            mapper.insertChunk(tenantId, kind, key, chunk, part, now);
        }
    }

    public Optional<byte[]> read(TenantId tenantId, FileKind kind, String key) {
        List<byte[]> chunks = mapper.chunks(tenantId, kind, key);
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        chunks.forEach(whole::writeBytes);
        return Optional.of(whole.toByteArray());
    }

    public boolean exists(TenantId tenantId, FileKind kind, String key) {
        return mapper.exists(tenantId, kind, key) > 0;
    }

    /** How many files' keys start with the prefix (a message's attachments so far). */
    public int count(TenantId tenantId, FileKind kind, String prefix) {
        return mapper.countWithPrefix(tenantId, kind, escape(prefix));
    }

    /** The keys that start with the prefix. */
    public List<String> keys(TenantId tenantId, FileKind kind, String prefix) {
        return mapper.keysWithPrefix(tenantId, kind, escape(prefix));
    }

    @Transactional
    public void delete(TenantId tenantId, FileKind kind, String key) {
        mapper.delete(tenantId, kind, key);
    }

    @Transactional
    public void deleteWithPrefix(TenantId tenantId, FileKind kind, String prefix) {
        mapper.deleteWithPrefix(tenantId, kind, escape(prefix));
    }

    /** A prefix matched with LIKE: its own {@code %} and {@code _} (common in file names) are literal. */
    private static String escape(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
