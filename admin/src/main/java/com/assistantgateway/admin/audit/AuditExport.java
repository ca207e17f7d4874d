package com.assistantgateway.admin.audit;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail.AuditQuery;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/** Writes a tenant's audit trail, oldest first, in pages, as JSON Lines or as CSV (RFC 4180). */
@Component
public class AuditExport {

    private static final int PAGE = 1000;

    private final AuditMapper mapper;

    public AuditExport(AuditMapper mapper) {
        this.mapper = mapper;
    }

    public void write(TenantId tenantId, AuditQuery query, Format format, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == Format.CSV) {
            writer.write("id,occurred_at,actor,action,target_type,target_id,detail\r\n");
        }
        long afterId = 0;
        List<AuditEvent> page;
        do {
            page = mapper.after(tenantId, query, afterId, PAGE);
            for (AuditEvent event : page) {
                writer.write(format == Format.CSV ? csv(event) : CanonicalJson.write(event) + "\n");
                afterId = event.id();
            }
        } while (page.size() == PAGE);
        writer.flush();
    }

    private static String csv(AuditEvent e) {
        return String.join(
                        ",",
                        String.valueOf(e.id()),
                        e.occurredAt().toString(),
                        quote(e.actor()),
                        quote(e.action()),
                        quote(e.targetType()),
                        quote(e.targetId()),
                        quote(e.detail()))
                + "\r\n";
    }

    /** RFC 4180 quoting; a leading formula character is defused so spreadsheets show it as text. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** Export formats. */
    public enum Format {
        JSONL("jsonl", "application/x-ndjson"),
        CSV("csv", "text/csv");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Format parse(String value) {
            for (Format format : values()) {
                if (format.extension.equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw AdminProblem.invalid("format is jsonl or csv");
        }
    }
}
