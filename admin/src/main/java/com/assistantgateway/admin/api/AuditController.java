package com.assistantgateway.admin.api;

import com.assistantgateway.admin.audit.AuditEvent;
import com.assistantgateway.admin.audit.AuditExport;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.audit.AuditTrail.AuditQuery;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A tenant's audit trail: query it, or export it as JSON Lines or CSV. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/audit")
public class AuditController {

    private final AuditTrail audit;
    private final AuditExport export;
    private final TenantAccess access;

    public AuditController(AuditTrail audit, AuditExport export, TenantAccess access) {
        this.audit = audit;
        this.export = export;
        this.access = access;
    }

    /** Newest first. {@code action} is exact, or a prefix ending in a dot ({@code message.}). */
    @GetMapping
    public Page<AuditEvent> query(
            @PathVariable String tenant,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.AUDIT_READ);
        AuditQuery query = new AuditQuery(action, actor, target, from, to);
        return new Page<>(
                audit.query(tenantId, query, Page.offset(page, size), size), page, size, audit.count(tenantId, query));
    }

    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(
            @PathVariable String tenant,
            @RequestParam(defaultValue = "jsonl") String format,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        TenantId tenantId = access.require(tenant, Permission.AUDIT_READ);
        AuditExport.Format chosen = AuditExport.Format.parse(format);
        AuditQuery query = new AuditQuery(action, null, null, from, to);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"audit-" + tenantId.value() + "." + chosen.extension() + "\"")
                .contentType(MediaType.parseMediaType(chosen.mediaType()))
                .body(out -> export.write(tenantId, query, chosen, out));
    }
}
