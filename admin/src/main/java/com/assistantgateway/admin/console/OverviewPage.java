package com.assistantgateway.admin.console;

import com.assistantgateway.admin.reports.Reports;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The overview: volume, answer rate, confidence and latency per channel. */
@Controller
@RequestMapping("/console")
public class OverviewPage {

    private final TenantAccess access;
    private final Reports reports;

    public OverviewPage(TenantAccess access, Reports reports) {
        this.access = access;
        this.reports = reports;
    }

    @GetMapping("/t/{tenant}")
    public String overview(@PathVariable String tenant, @RequestParam(defaultValue = "30") int days, Model model) {
        TenantId tenantId = access.require(tenant, Permission.REPORTS_READ);
        model.addAttribute("overview", reports.overview(tenantId, Math.max(1, Math.min(days, 366))));
        model.addAttribute("section", "overview");
        return "console/overview";
    }
}
