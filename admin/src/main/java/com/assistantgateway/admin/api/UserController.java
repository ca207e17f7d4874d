package com.assistantgateway.admin.api;

import com.assistantgateway.admin.security.NewUser;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.admin.security.UserView;
import com.assistantgateway.admin.security.Users;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's users: tenant admins invite agent managers, users and other tenant admins, change their roles and
 * disable them. Nobody grants a role holding more than they hold themselves.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/users")
public class UserController {

    private final Users users;
    private final TenantAccess access;

    public UserController(Users users, TenantAccess access) {
        this.users = users;
        this.access = access;
    }

    @GetMapping
    public Page<UserView> list(
            @PathVariable String tenant,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.USERS_MANAGE);
        return Page.of(users.list(tenantId), page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserView create(@PathVariable String tenant, @Valid @RequestBody NewUser user) {
        TenantId tenantId = access.require(tenant, Permission.USERS_MANAGE);
        return users.create(tenantId, user, TenantAccess.current());
    }

    /** Another role; the user's sessions and tokens end at once. */
    @PatchMapping("/{user}")
    public UserView changeRole(
            @PathVariable String tenant, @PathVariable String user, @Valid @RequestBody RoleChange change) {
        TenantId tenantId = access.require(tenant, Permission.USERS_MANAGE);
        return users.changeRole(tenantId, user, change.role(), TenantAccess.current());
    }

    /** Disables the user; their sessions and tokens end at once. */
    @DeleteMapping("/{user}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void disable(@PathVariable String tenant, @PathVariable String user) {
        TenantId tenantId = access.require(tenant, Permission.USERS_MANAGE);
        users.disable(tenantId, user, TenantAccess.current());
    }

    public record RoleChange(@NotNull Role role) {}
}
