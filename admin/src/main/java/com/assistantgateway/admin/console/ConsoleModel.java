package com.assistantgateway.admin.console;

import com.assistantgateway.admin.handover.HandoverQueue;
import com.assistantgateway.admin.security.GatewayPrincipal;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.SecurityConfiguration;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** What every console page's layout shows: who is signed in, what they may do, which tenant they are in. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final HandoverQueue handovers;

    ConsoleModel(HandoverQueue handovers) {
        this.handovers = handovers;
    }

    @ModelAttribute
    void common(@PathVariable(required = false) String tenant, Model model) {
        try {
            GatewayPrincipal me = TenantAccess.current();
            model.addAttribute("me", me);
            model.addAttribute(
                    "can", me.permissions().stream().map(Permission::scope).toList());
            if (tenant != null && me.permissions().contains(Permission.CONVERSATIONS_READ)) {
                // The agents' notice of handed-over conversations: waiting, theirs, and replies nearly due.
                Optional.ofNullable(me.tenantId())
                        .filter(t -> t.value().equals(tenant))
                        .or(() -> me.role().isPlatform() ? Optional.of(new TenantId(tenant)) : Optional.empty())
                        .ifPresent(t -> model.addAttribute("handover", handovers.badge(t, me.name())));
            }
        } catch (IllegalStateException signedOut) {
            // the login page
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("loginPage", SecurityConfiguration.LOGIN_PAGE);
    }
}
