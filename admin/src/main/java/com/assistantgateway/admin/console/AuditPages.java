package com.assistantgateway.admin.console;

import com.assistantgateway.admin.audit.AuditExport;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.audit.AuditTrail.AuditQuery;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit log, and its export as CSV or JSON Lines. */
@Controller
@RequestMapping("/console")
public class AuditPages {

    private static final int PAGE = 50;

    private final TenantAccess access;
    private final AuditTrail audit;
    private final AuditExport export;

    public AuditPages(TenantAccess access, AuditTrail audit, AuditExport export) {
        this.access = access;
        this.audit = audit;
        this.export = export;
    }

    @GetMapping("/t/{tenant}/audit")
    public String audit(
            @PathVariable String tenant,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        TenantId tenantId = access.require(tenant, Permission.AUDIT_READ);
        AuditQuery query = new AuditQuery(Forms.blankToNull(action), null, null, null, null);
        model.addAttribute("events", audit.query(tenantId, query, Math.max(0, page) * PAGE, PAGE));
        model.addAttribute("total", audit.count(tenantId, query));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("action", action);
        model.addAttribute("section", "audit");
        return "console/audit";
    }

    @GetMapping("/t/{tenant}/audit/export")
    public ResponseEntity<StreamingResponseBody> auditExport(
            @PathVariable String tenant, @RequestParam(defaultValue = "csv") String format) {
        TenantId tenantId = access.require(tenant, Permission.AUDIT_READ);
        AuditExport.Format chosen = AuditExport.Format.parse(format);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"audit-" + tenant + "." + chosen.extension() + "\"")
                .contentType(MediaType.parseMediaType(chosen.mediaType()))
                .body(out -> export.write(tenantId, AuditQuery.ALL, chosen, out));
    }
}
