package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.registry.AssistantTemplate;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.registry.SectorTemplates;
import com.assistantgateway.admin.registry.TenantChanges;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.registry.TenantView;
import com.assistantgateway.admin.secrets.SecretRotation;
import com.assistantgateway.admin.security.GatewayPrincipal;
import com.assistantgateway.admin.security.NewUser;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.admin.security.Users;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants (platform admins create them; each tenant's admins change their own), templates, and key rotation. */
@RestController
@RequestMapping("/api/v1")
public class TenantController {

    private final TenantRegistry registry;
    private final TenantAccess access;
    private final Users users;
    private final SectorTemplates templates;
    private final SecretRotation rotation;
    private final AuditTrail audit;

    public TenantController(
            TenantRegistry registry,
            TenantAccess access,
            Users users,
            SectorTemplates templates,
            SecretRotation rotation,
            AuditTrail audit) {
        this.registry = registry;
        this.access = access;
        this.users = users;
        this.templates = templates;
        this.rotation = rotation;
        this.audit = audit;
    }

    /** Platform admins see every tenant; everyone else sees their own. */
    @GetMapping("/tenants")
    public Page<TenantView> tenants(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        GatewayPrincipal principal = TenantAccess.current();
        if (!principal.may(Permission.TENANT_READ)) {
            throw AdminProblem.forbidden(Permission.TENANT_READ.scope());
        }
        List<TenantView> visible = principal.isPlatformAdmin()
                ? registry.allTenants()
                : registry.tenantView(principal.tenantId()).stream().toList();
        return Page.of(visible, page, size);
    }

    /** Creates a tenant with its first tenant admin. */
    @PostMapping("/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public TenantView create(@Valid @RequestBody CreateTenant request) {
        GatewayPrincipal principal = access.requirePlatformAdmin();
        if (AuditTrail.PLATFORM.value().equals(request.slug())) {
            throw AdminProblem.invalid("'platform' is reserved");
        }
        TenantId tenantId = new TenantId(request.slug());
        registry.createTenant(
                new NewTenant(
                        tenantId,
                        request.name(),
                        request.plan(),
                        request.sector(),
                        request.locales() == null ? List.of("en") : request.locales()),
                principal.name());
        users.create(tenantId, request.admin(), principal);
        return registry.tenantView(tenantId).orElseThrow();
    }

    @GetMapping("/tenants/{tenant}")
    public TenantView tenant(@PathVariable String tenant) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_READ);
        return registry.tenantView(tenantId).orElseThrow(AdminProblem::notFound);
    }

    /** Plan and status are the platform's to change; the rest is the tenant admin's. */
    @PatchMapping("/tenants/{tenant}")
    public TenantView update(@PathVariable String tenant, @Valid @RequestBody TenantChanges changes) {
        TenantId tenantId = access.require(tenant, Permission.TENANT_WRITE);
        GatewayPrincipal principal = TenantAccess.current();
        if ((changes.plan() != null || changes.status() != null) && !principal.isPlatformAdmin()) {
            throw AdminProblem.forbidden("platform-admin");
        }
        return registry.updateTenant(tenantId, changes, principal.name());
    }

    @GetMapping("/assistant-templates")
    public List<AssistantTemplate> templates() {
        return templates.all();
    }

    /** Re-encrypts every stored credential under the current master key (see README, "Secrets"). */
    @PostMapping("/platform/secrets/rotate")
    @Transactional
    public Map<String, Object> rotate() {
        GatewayPrincipal principal = access.requirePlatformAdmin();
        int resealed = rotation.rotate(principal.name());
        audit.record(
                AuditTrail.PLATFORM,
                principal.name(),
                "secrets.rotated",
                "platform",
                "master-key",
                audit.change(null, Map.of("resealed", resealed)));
        return Map.of("resealed", resealed);
    }

    public record CreateTenant(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String slug,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String plan,
            @Size(max = 60) String sector,
            List<String> locales,
            @Valid @jakarta.validation.constraints.NotNull NewUser admin) {}
}
