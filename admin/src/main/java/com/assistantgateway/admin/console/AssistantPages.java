package com.assistantgateway.admin.console;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.api.Ids;
import com.assistantgateway.admin.registry.AssistantChanges;
import com.assistantgateway.admin.registry.AssistantView;
import com.assistantgateway.admin.registry.BindingView;
import com.assistantgateway.admin.registry.ChannelTypes;
import com.assistantgateway.admin.registry.SectorTemplates;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Assistants: create one from a sector template, edit its persona, instructions and settings, see where customers reach it. */
@Controller
@RequestMapping("/console")
public class AssistantPages {

    private final TenantAccess access;
    private final TenantRegistry registry;
    private final SectorTemplates templates;
    private final ChannelTypes channels;

    public AssistantPages(
            TenantAccess access, TenantRegistry registry, SectorTemplates templates, ChannelTypes channels) {
        this.channels = channels;
        this.access = access;
        this.registry = registry;
        this.templates = templates;
    }

    @GetMapping("/t/{tenant}/assistants")
    public String assistants(@PathVariable String tenant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        model.addAttribute("assistants", registry.assistants(tenantId));
        model.addAttribute("templates", templates.all());
        model.addAttribute("section", "assistants");
        return "console/assistants";
    }

    @PostMapping("/t/{tenant}/assistants")
    public String createAssistant(
            @PathVariable String tenant,
            @RequestParam String id,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "") String template,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        registry.createAssistant(
                tenantId,
                templates.newAssistant(new AssistantId(id), template, null, name, null, null, Map.of()),
                template.isBlank() ? null : template,
                Map.of(),
                TenantAccess.current().name());
        flash.addFlashAttribute("notice", "Assistant " + id + " created.");
        return "redirect:/console/t/" + tenant + "/assistants/" + id;
    }

    @GetMapping("/t/{tenant}/assistants/{assistant}")
    public String assistant(@PathVariable String tenant, @PathVariable String assistant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        AssistantView view =
                registry.assistantView(tenantId, Ids.assistant(assistant)).orElseThrow(AdminProblem::notFound);
        model.addAttribute("assistant", view);
        List<BindingView> bindings = registry.bindings(tenantId).stream()
                .filter(b -> b.assistantId().equals(view.id()))
                .toList();
        model.addAttribute("bindings", bindings);
        // A web chat binding gives the assistant a page of its own: its front end unless the tenant set another.
        model.addAttribute(
                "hostedPage",
                bindings.stream()
                        .filter(b -> "active".equals(b.status()))
                        .flatMap(b -> channels.find(b.channel()).stream())
                        .flatMap(type -> type.hostedPage(tenantId, Ids.assistant(view.id())).stream())
                        .findFirst()
                        .orElse(null));
        model.addAttribute("section", "assistants");
        return "console/assistant";
    }

    @PostMapping("/t/{tenant}/assistants/{assistant}")
    public String updateAssistant(
            @PathVariable String tenant,
            @PathVariable String assistant,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String persona,
            @RequestParam(defaultValue = "") String prompt,
            @RequestParam(defaultValue = "") String confidenceThreshold,
            @RequestParam(defaultValue = "") String frontendUrl,
            @RequestParam(defaultValue = "active") String status,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("confidenceThreshold", confidenceThreshold.strip());
        settings.put("frontendUrl", frontendUrl.strip());
        registry.updateAssistant(
                tenantId,
                Ids.assistant(assistant),
                new AssistantChanges(name, null, persona, prompt, settings, null, status),
                TenantAccess.current().name());
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/console/t/" + tenant + "/assistants/" + assistant;
    }
}
