package com.assistantgateway.admin.console;

import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.security.GatewayPrincipal;
import com.assistantgateway.admin.security.TenantAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Sign-in, and where a signed-in user lands: their tenant's overview, or for platform admins the list of tenants. */
@Controller
@RequestMapping("/console")
public class ConsoleHome {

    private final TenantRegistry registry;

    public ConsoleHome(TenantRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/login")
    public String login() {
        return "console/login";
    }

    @GetMapping
    public String home(Model model) {
        GatewayPrincipal me = TenantAccess.current();
        if (me.tenantId() != null) {
            return "redirect:/console/t/" + me.tenantId().value();
        }
        model.addAttribute("tenants", registry.allTenants());
        return "console/tenants";
    }
}
