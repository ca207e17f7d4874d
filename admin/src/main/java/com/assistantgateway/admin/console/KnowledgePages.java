package com.assistantgateway.admin.console;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.api.Ids;
import com.assistantgateway.admin.knowledge.KnowledgeSource;
import com.assistantgateway.admin.knowledge.KnowledgeSources;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Knowledge: each assistant's sources, uploads and web pages, their versions and restores. */
@Controller
@RequestMapping("/console")
public class KnowledgePages {

    private final TenantAccess access;
    private final TenantRegistry registry;
    private final KnowledgeSources knowledge;

    public KnowledgePages(TenantAccess access, TenantRegistry registry, KnowledgeSources knowledge) {
        this.access = access;
        this.registry = registry;
        this.knowledge = knowledge;
    }

    @GetMapping("/t/{tenant}/knowledge")
    public String knowledge(
            @PathVariable String tenant, @RequestParam(required = false) String assistant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_READ);
        var assistants = registry.assistants(tenantId);
        String chosen = assistant != null
                ? assistant
                : assistants.isEmpty() ? null : assistants.get(0).id();
        var sources =
                chosen == null ? java.util.List.<KnowledgeSource>of() : knowledge.list(tenantId, Ids.assistant(chosen));
        model.addAttribute("assistants", assistants);
        model.addAttribute("chosen", chosen);
        model.addAttribute("sources", sources);
        // The table updates itself (live.js) while an ingestion is under way.
        model.addAttribute(
                "busy",
                sources.stream()
                        .anyMatch(s -> s.status().equals("queued") || s.status().equals("processing")));
        model.addAttribute("section", "knowledge");
        return "console/knowledge";
    }

    @PostMapping("/t/{tenant}/knowledge")
    public String upload(
            @PathVariable String tenant,
            @RequestParam String assistant,
            @RequestParam("file") MultipartFile file,
            RedirectAttributes flash)
            throws IOException {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        var source = knowledge.upload(
                tenantId,
                Ids.assistant(assistant),
                file.getOriginalFilename(),
                file.getContentType(),
                file.getBytes(),
                TenantAccess.current().name());
        flash.addFlashAttribute(
                "notice",
                source.name() + ": " + source.status()
                        + (source.statusReason() == null ? "" : " (" + source.statusReason() + ")"));
        return "redirect:/console/t/" + tenant + "/knowledge?assistant=" + assistant;
    }

    @PostMapping("/t/{tenant}/knowledge/url")
    public String uploadUrl(
            @PathVariable String tenant,
            @RequestParam String assistant,
            @RequestParam String url,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        var source = knowledge.uploadUrl(
                tenantId, Ids.assistant(assistant), url, TenantAccess.current().name());
        flash.addFlashAttribute("notice", source.name() + ": " + source.status());
        return "redirect:/console/t/" + tenant + "/knowledge?assistant=" + assistant;
    }

    @GetMapping("/t/{tenant}/knowledge/{source}")
    public String knowledgeSource(
            @PathVariable String tenant, @PathVariable String source, @RequestParam String assistant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_READ);
        model.addAttribute("source", knowledge.get(tenantId, Ids.assistant(assistant), source));
        model.addAttribute("versions", knowledge.versions(tenantId, Ids.assistant(assistant), source));
        model.addAttribute("chosen", assistant);
        model.addAttribute("section", "knowledge");
        return "console/knowledge-source";
    }

    @PostMapping("/t/{tenant}/knowledge/{source}/versions/{version}/restore")
    public String restoreKnowledgeVersion(
            @PathVariable String tenant,
            @PathVariable String source,
            @PathVariable int version,
            @RequestParam String assistant,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        knowledge.restore(
                tenantId,
                Ids.assistant(assistant),
                source,
                version,
                TenantAccess.current().name());
        flash.addFlashAttribute(
                "notice", "Version " + version + " is being restored; the current one answers until it is ready.");
        return "redirect:/console/t/" + tenant + "/knowledge/" + source + "?assistant=" + assistant;
    }

    @PostMapping("/t/{tenant}/knowledge/{source}/{action}")
    public String sourceAction(
            @PathVariable String tenant,
            @PathVariable String source,
            @PathVariable String action,
            @RequestParam String assistant,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        String actor = TenantAccess.current().name();
        switch (action) {
            case "reindex" -> knowledge.reindex(tenantId, Ids.assistant(assistant), source, actor);
            case "delete" -> knowledge.delete(tenantId, Ids.assistant(assistant), source, actor);
            default -> throw AdminProblem.notFound();
        }
        flash.addFlashAttribute("notice", "delete".equals(action) ? "Source deleted." : "Source re-indexed.");
        return "redirect:/console/t/" + tenant + "/knowledge?assistant=" + assistant;
    }
}
