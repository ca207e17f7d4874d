package com.assistantgateway.admin.console;

import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.limits.BucketInboundLimits;
import com.assistantgateway.admin.limits.TenantLimits;
import com.assistantgateway.admin.security.GatewayPrincipal;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.InboundLimits.Usage;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's rate limits and what is left of them; the platform throttles a tenant here, live. */
@Controller
@RequestMapping("/console/t/{tenant}/limits")
public class LimitPages {

    private final TenantAccess access;
    private final BucketInboundLimits limits;
    private final AuditTrail audit;

    public LimitPages(TenantAccess access, BucketInboundLimits limits, AuditTrail audit) {
        this.access = access;
        this.limits = limits;
        this.audit = audit;
    }

    @GetMapping
    public String page(@PathVariable String tenant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        model.addAttribute("usage", limits.usage(tenantId));
        model.addAttribute("platform", TenantAccess.current().isPlatformAdmin());
        model.addAttribute("section", "limits");
        return "console/limits";
    }

    @PostMapping
    @Transactional
    public String throttle(
            @PathVariable String tenant,
            @Valid @ModelAttribute TenantLimits form,
            BindingResult errors,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        GatewayPrincipal principal = access.requirePlatformAdmin();
        if (errors.hasErrors()) {
            flash.addFlashAttribute("notice", "Limits are whole numbers from 0 (none) to 1000000 a minute.");
            return "redirect:/console/t/" + tenant + "/limits";
        }
        Usage before = limits.usage(tenantId);
        limits.set(tenantId, form);
        audit.record(tenantId, principal.name(), "limits.set", "tenant", tenantId.value(), audit.change(before, form));
        flash.addFlashAttribute("notice", "Limits set; every instance applies them within seconds.");
        return "redirect:/console/t/" + tenant + "/limits";
    }

    @PostMapping("/plan")
    @Transactional
    public String followPlan(@PathVariable String tenant, RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        GatewayPrincipal principal = access.requirePlatformAdmin();
        Usage before = limits.usage(tenantId);
        limits.set(tenantId, null);
        audit.record(
                tenantId, principal.name(), "limits.reset", "tenant", tenantId.value(), audit.change(before, null));
        flash.addFlashAttribute("notice", "The tenant follows its plan's limits again.");
        return "redirect:/console/t/" + tenant + "/limits";
    }
}
