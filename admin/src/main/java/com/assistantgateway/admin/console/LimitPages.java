package com.assistantgateway.admin.console;

import com.assistantgateway.admin.limits.BucketInboundLimits;
import com.assistantgateway.admin.limits.TenantLimits;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
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

    public LimitPages(TenantAccess access, BucketInboundLimits limits) {
        this.access = access;
        this.limits = limits;
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
    public String throttle(
            @PathVariable String tenant,
            @Valid @ModelAttribute TenantLimits form,
            BindingResult errors,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        String actor = access.requirePlatformAdmin().name();
        if (errors.hasErrors()) {
            flash.addFlashAttribute(
                    "notice",
                    "Limits are whole numbers from 0 (none): up to 1000000 messages or 100000000 LLM tokens a minute.");
            return "redirect:/console/t/" + tenant + "/limits";
        }
        limits.set(tenantId, form, actor);
        flash.addFlashAttribute("notice", "Limits set; every instance applies them within seconds.");
        return "redirect:/console/t/" + tenant + "/limits";
    }

    @PostMapping("/plan")
    public String followPlan(@PathVariable String tenant, RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        limits.set(tenantId, null, access.requirePlatformAdmin().name());
        flash.addFlashAttribute("notice", "The tenant follows its plan's limits again.");
        return "redirect:/console/t/" + tenant + "/limits";
    }
}
