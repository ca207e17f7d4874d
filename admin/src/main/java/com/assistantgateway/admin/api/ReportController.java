package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.reports.Overview;
import com.assistantgateway.admin.reports.Reports;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's overview: volume, answer rate, confidence distribution, latency per channel. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/reports")
public class ReportController {

    private final Reports reports;
    private final TenantAccess access;

    public ReportController(Reports reports, TenantAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/overview")
    public Overview overview(@PathVariable String tenant, @RequestParam(defaultValue = "30") int days) {
        TenantId tenantId = access.require(tenant, Permission.REPORTS_READ);
        if (days < 1 || days > 366) {
            throw AdminProblem.invalid("days is between 1 and 366");
        }
        return reports.overview(tenantId, days);
    }
}
