package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.registry.AssistantChanges;
import com.assistantgateway.admin.registry.AssistantView;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.SectorTemplates;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's assistants: created from a sector template or from scratch, then edited. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/assistants")
public class AssistantController {

    private final TenantRegistry registry;
    private final SectorTemplates templates;
    private final TenantAccess access;

    public AssistantController(TenantRegistry registry, SectorTemplates templates, TenantAccess access) {
        this.registry = registry;
        this.templates = templates;
        this.access = access;
    }

    @GetMapping
    public Page<AssistantView> list(
            @PathVariable String tenant,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        return Page.of(registry.assistants(tenantId), page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public AssistantView create(@PathVariable String tenant, @Valid @RequestBody CreateAssistant request) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        return registry.createAssistant(
                tenantId,
                request.toNewAssistant(templates),
                request.template(),
                request.credentials() == null ? Map.of() : request.credentials(),
                TenantAccess.current().name());
    }

    @GetMapping("/{assistant}")
    public AssistantView get(@PathVariable String tenant, @PathVariable String assistant) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        return registry.assistantView(tenantId, Ids.assistant(assistant)).orElseThrow(AdminProblem::notFound);
    }

    @PatchMapping("/{assistant}")
    public AssistantView update(
            @PathVariable String tenant, @PathVariable String assistant, @Valid @RequestBody AssistantChanges changes) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        return registry.updateAssistant(
                tenantId,
                Ids.assistant(assistant),
                changes,
                TenantAccess.current().name());
    }

    /**
     * A new assistant. With {@code template} (a sector), the template's name, type, persona, prompt and settings are
     * the defaults that the request's own fields override.
     */
    public record CreateAssistant(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
            String template,
            @Size(max = 40) String type,
            @Size(max = 200) String name,
            @Size(max = 2000) String persona,
            @Size(max = 20000) String prompt,
            Map<String, String> settings,
            Map<String, String> credentials) {

        NewAssistant toNewAssistant(SectorTemplates templates) {
            return templates.newAssistant(new AssistantId(id), template, type, name, persona, prompt, settings);
        }

        @Override
        public String toString() {
            return "CreateAssistant[" + id + "]";
        }
    }
}
