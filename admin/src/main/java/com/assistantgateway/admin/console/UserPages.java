package com.assistantgateway.admin.console;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.security.NewUser;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.admin.security.Users;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users: invite someone with a role, give a user another role, disable one. Nobody grants a role that holds more than
 * they do; a changed or disabled user's sessions end at once.
 */
@Controller
@RequestMapping("/console")
public class UserPages {

    private final TenantAccess access;
    private final Users users;
    private final Validator validator;

    public UserPages(TenantAccess access, Users users, Validator validator) {
        this.access = access;
        this.users = users;
        this.validator = validator;
    }

    @GetMapping("/t/{tenant}/users")
    public String users(@PathVariable String tenant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.USERS_MANAGE);
        model.addAttribute("users", users.list(tenantId));
        model.addAttribute(
                "roles",
                Arrays.stream(Role.values()).filter(r -> !r.isPlatform()).toList());
        model.addAttribute("section", "users");
        return "console/users";
    }

    @PostMapping("/t/{tenant}/users")
    public String invite(
            @PathVariable String tenant,
            @RequestParam String email,
            @RequestParam String name,
            @RequestParam String password,
            @RequestParam Role role,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.USERS_MANAGE);
        NewUser user = new NewUser(email.strip(), name.strip(), password, role);
        // The same rules as the API's: a real address, a password of 12 characters at least.
        var problems = validator.validate(user);
        if (!problems.isEmpty()) {
            throw AdminProblem.invalid(problems.stream()
                    .map(p -> p.getPropertyPath() + " " + p.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        users.create(tenantId, user, TenantAccess.current());
        flash.addFlashAttribute(
                "notice", email.strip() + " can now sign in as " + role.name().toLowerCase() + ".");
        return "redirect:/console/t/" + tenant + "/users";
    }

    @PostMapping("/t/{tenant}/users/{user}/role")
    public String changeRole(
            @PathVariable String tenant, @PathVariable String user, @RequestParam Role role, RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.USERS_MANAGE);
        users.changeRole(tenantId, user, role, TenantAccess.current());
        flash.addFlashAttribute("notice", "Role changed; their sessions have ended.");
        return "redirect:/console/t/" + tenant + "/users";
    }

    @PostMapping("/t/{tenant}/users/{user}/disable")
    public String disable(@PathVariable String tenant, @PathVariable String user, RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.USERS_MANAGE);
        users.disable(tenantId, user, TenantAccess.current());
        flash.addFlashAttribute("notice", "User disabled; their sessions have ended.");
        return "redirect:/console/t/" + tenant + "/users";
    }
}
