package com.assistantgateway.admin.console;

import com.assistantgateway.admin.handover.HandoverQueue;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The handover queue: conversations handed to people, oldest first, with their timers; an agent's availability. */
@Controller
@RequestMapping("/console/t/{tenant}/handover")
public class HandoverPages {

    private final TenantAccess access;
    private final HandoverQueue queue;

    public HandoverPages(TenantAccess access, HandoverQueue queue) {
        this.access = access;
        this.queue = queue;
    }

    @GetMapping
    public String page(@PathVariable String tenant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_READ);
        model.addAttribute("queue", queue.queue(tenantId));
        model.addAttribute("agents", queue.agents(tenantId));
        model.addAttribute("agent", queue.agent(tenantId, TenantAccess.current().name()));
        model.addAttribute("now", queue.now());
        model.addAttribute("warnBefore", queue.settings().warnBefore());
        model.addAttribute("section", "handover");
        return "console/handover";
    }

    @PostMapping("/availability")
    public String availability(
            @PathVariable String tenant,
            @RequestParam(defaultValue = "false") boolean available,
            @RequestParam(required = false) Integer capacity,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_WRITE);
        queue.setAvailability(tenantId, TenantAccess.current().name(), available, capacity);
        flash.addFlashAttribute(
                "notice",
                available
                        ? "You are available: waiting conversations are assigned to you, oldest first."
                        : "You are away: no new conversations are assigned to you.");
        return "redirect:/console/t/" + tenant + "/handover";
    }
}
