package com.assistantgateway.admin.console;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.api.Ids;
import com.assistantgateway.admin.audit.AuditExport;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.audit.AuditTrail.AuditQuery;
import com.assistantgateway.admin.inbox.ConversationFilter;
import com.assistantgateway.admin.inbox.Conversations;
import com.assistantgateway.admin.knowledge.KnowledgeSource;
import com.assistantgateway.admin.knowledge.KnowledgeSources;
import com.assistantgateway.admin.registry.AssistantChanges;
import com.assistantgateway.admin.registry.AssistantView;
import com.assistantgateway.admin.registry.BindingChanges;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.SectorTemplates;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.reports.Reports;
import com.assistantgateway.admin.security.GatewayPrincipal;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.SecurityConfiguration;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's pages. Every page of a tenant checks access exactly as the API does; every change goes through the
 * same audited services, then redirects (post/redirect/get) with a flash message.
 */
@Controller
@RequestMapping("/console")
public class ConsoleController {

    private static final int PAGE = 50;

    private final TenantAccess access;
    private final TenantRegistry registry;
    private final SectorTemplates templates;
    private final KnowledgeSources knowledge;
    private final Conversations conversations;
    private final AuditTrail audit;
    private final AuditExport export;
    private final Reports reports;

    public ConsoleController(
            TenantAccess access,
            TenantRegistry registry,
            SectorTemplates templates,
            KnowledgeSources knowledge,
            Conversations conversations,
            AuditTrail audit,
            AuditExport export,
            Reports reports) {
        this.access = access;
        this.registry = registry;
        this.templates = templates;
        this.knowledge = knowledge;
        this.conversations = conversations;
        this.audit = audit;
        this.export = export;
        this.reports = reports;
    }

    @GetMapping("/login")
    public String login() {
        return "console/login";
    }

    /** Tenant users land on their tenant's overview; platform admins choose a tenant. */
    @GetMapping
    public String home(Model model) {
        GatewayPrincipal me = TenantAccess.current();
        if (me.tenantId() != null) {
            return "redirect:/console/t/" + me.tenantId().value();
        }
        model.addAttribute("tenants", registry.allTenants());
        return "console/tenants";
    }

    @ModelAttribute
    void common(@PathVariable(required = false) String tenant, Model model) {
        try {
            GatewayPrincipal me = TenantAccess.current();
            model.addAttribute("me", me);
            model.addAttribute(
                    "can", me.permissions().stream().map(Permission::scope).toList());
        } catch (IllegalStateException signedOut) {
            // the login page
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("loginPage", SecurityConfiguration.LOGIN_PAGE);
    }

    @GetMapping("/t/{tenant}")
    public String overview(@PathVariable String tenant, @RequestParam(defaultValue = "30") int days, Model model) {
        TenantId tenantId = access.require(tenant, Permission.REPORTS_READ);
        model.addAttribute("overview", reports.overview(tenantId, Math.max(1, Math.min(days, 366))));
        model.addAttribute("section", "overview");
        return "console/overview";
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
        model.addAttribute(
                "bindings",
                registry.bindings(tenantId).stream()
                        .filter(b -> b.assistantId().equals(view.id()))
                        .toList());
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

    @GetMapping("/t/{tenant}/bindings")
    public String bindings(@PathVariable String tenant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_READ);
        model.addAttribute("bindings", registry.bindings(tenantId));
        model.addAttribute("assistants", registry.assistants(tenantId));
        model.addAttribute("section", "bindings");
        return "console/bindings";
    }

    @PostMapping("/t/{tenant}/bindings")
    public String createBinding(
            @PathVariable String tenant,
            @RequestParam String id,
            @RequestParam String assistantId,
            @RequestParam String channel,
            @RequestParam String inboundKey,
            @RequestParam(defaultValue = "") String settings,
            @RequestParam(defaultValue = "") String credentials,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_WRITE);
        registry.createBinding(
                tenantId,
                new NewBinding(
                        id, Ids.assistant(assistantId), channel, inboundKey, pairs(settings), pairs(credentials)),
                TenantAccess.current().name());
        flash.addFlashAttribute("notice", "Binding " + id + " created.");
        return "redirect:/console/t/" + tenant + "/bindings";
    }

    @PostMapping("/t/{tenant}/bindings/{binding}/status")
    public String bindingStatus(
            @PathVariable String tenant,
            @PathVariable String binding,
            @RequestParam String status,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_WRITE);
        registry.updateBinding(
                tenantId,
                binding,
                new BindingChanges(null, null, null, status),
                TenantAccess.current().name());
        flash.addFlashAttribute("notice", "Binding " + binding + " is " + status + ".");
        return "redirect:/console/t/" + tenant + "/bindings";
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

    @GetMapping("/t/{tenant}/conversations")
    public String inbox(
            @PathVariable String tenant,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_READ);
        ConversationFilter filter = new ConversationFilter(blankToNull(status), blankToNull(channel), null, null, null);
        model.addAttribute("conversations", conversations.list(tenantId, filter, Math.max(0, page) * PAGE, PAGE));
        model.addAttribute("total", conversations.count(tenantId, filter));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("section", "conversations");
        return "console/conversations";
    }

    @GetMapping("/t/{tenant}/conversations/{conversation}")
    public String thread(@PathVariable String tenant, @PathVariable String conversation, Model model) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_READ);
        model.addAttribute("thread", conversations.thread(tenantId, Ids.conversation(conversation)));
        model.addAttribute("section", "conversations");
        return "console/thread";
    }

    @PostMapping("/t/{tenant}/conversations/{conversation}/{action}")
    public String conversationAction(
            @PathVariable String tenant,
            @PathVariable String conversation,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_WRITE);
        ConversationId id = Ids.conversation(conversation);
        String actor = TenantAccess.current().name();
        switch (action) {
            case "takeover" -> conversations.takeOver(tenantId, id, actor);
            case "reply" -> conversations.reply(tenantId, id, text, actor);
            case "handback" -> conversations.handBack(tenantId, id, actor);
            default -> throw AdminProblem.notFound();
        }
        flash.addFlashAttribute(
                "notice",
                switch (action) {
                    case "takeover" -> "You have taken this conversation over; the assistant will not answer it.";
                    case "reply" -> "Reply sent.";
                    default -> "Handed back to the assistant.";
                });
        return "redirect:/console/t/" + tenant + "/conversations/" + conversation;
    }

    @GetMapping("/t/{tenant}/audit")
    public String audit(
            @PathVariable String tenant,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        TenantId tenantId = access.require(tenant, Permission.AUDIT_READ);
        AuditQuery query = new AuditQuery(blankToNull(action), null, null, null, null);
        model.addAttribute("events", audit.query(tenantId, query, Math.max(0, page) * PAGE, PAGE));
        model.addAttribute("total", audit.count(tenantId, query));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("action", action);
        model.addAttribute("section", "audit");
        return "console/audit";
    }

    @GetMapping("/t/{tenant}/audit/export")
    public ResponseEntity<StreamingResponseBody> auditExport(
            @PathVariable String tenant, @RequestParam(defaultValue = "csv") String format) {
        TenantId tenantId = access.require(tenant, Permission.AUDIT_READ);
        AuditExport.Format chosen = AuditExport.Format.parse(format);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"audit-" + tenant + "." + chosen.extension() + "\"")
                .contentType(MediaType.parseMediaType(chosen.mediaType()))
                .body(out -> export.write(tenantId, AuditQuery.ALL, chosen, out));
    }

    /** {@code key=value} per line, as typed into a text area. */
    static Map<String, String> pairs(String lines) {
        Map<String, String> pairs = new TreeMap<>();
        for (String line : lines.split("\\R")) {
            int eq = line.indexOf('=');
            if (line.isBlank()) {
                continue;
            }
            if (eq <= 0) {
                throw AdminProblem.invalid("write one key=value per line: '" + line.strip() + "'");
            }
            pairs.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return pairs;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
