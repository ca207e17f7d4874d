package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.registry.BindingChanges;
import com.assistantgateway.admin.registry.BindingView;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
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

/** A tenant's channel bindings: which assistant answers which mailbox, number, webhook, topic or site. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/bindings")
public class BindingController {

    private final TenantRegistry registry;
    private final TenantAccess access;

    public BindingController(TenantRegistry registry, TenantAccess access) {
        this.registry = registry;
        this.access = access;
    }

    @GetMapping
    public Page<BindingView> list(
            @PathVariable String tenant,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_READ);
        return Page.of(registry.bindings(tenantId), page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public BindingView create(@PathVariable String tenant, @Valid @RequestBody CreateBinding request) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_WRITE);
        boolean enabled = registry.tenantView(tenantId)
                .map(view -> view.enabledChannels().contains(request.channel()))
                .orElse(false);
        if (!enabled) {
            throw AdminProblem.invalid("channel " + request.channel() + " is not enabled for this tenant");
        }
        NewBinding binding = new NewBinding(
                Ids.newBinding(request.id()),
                Ids.assistant(request.assistantId()),
                Ids.channel(request.channel()),
                request.inboundKey(),
                request.settings() == null ? Map.of() : request.settings(),
                request.credentials() == null ? Map.of() : request.credentials());
        return registry.createBinding(tenantId, binding, TenantAccess.current().name());
    }

    @GetMapping("/{binding}")
    public BindingView get(@PathVariable String tenant, @PathVariable String binding) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_READ);
        return registry.bindingView(tenantId, Ids.binding(binding)).orElseThrow(AdminProblem::notFound);
    }

    @PatchMapping("/{binding}")
    public BindingView update(
            @PathVariable String tenant, @PathVariable String binding, @Valid @RequestBody BindingChanges changes) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_WRITE);
        return registry.updateBinding(
                tenantId, Ids.binding(binding), changes, TenantAccess.current().name());
    }

    /** Disables the binding and stops its routes; its history stays. */
    @DeleteMapping("/{binding}")
    public BindingView disable(@PathVariable String tenant, @PathVariable String binding) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_WRITE);
        return registry.updateBinding(
                tenantId,
                Ids.binding(binding),
                new BindingChanges(null, null, null, "disabled"),
                TenantAccess.current().name());
    }

    public record CreateBinding(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
            @NotBlank String assistantId,
            @NotBlank @Size(max = 30) String channel,
            @NotBlank @Size(max = 200) String inboundKey,
            Map<String, String> settings,
            Map<String, String> credentials) {

        @Override
        public String toString() {
            return "CreateBinding[" + id + ", " + channel + "]";
        }
    }
}
