package com.assistantgateway.admin.console;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.api.Ids;
import com.assistantgateway.admin.registry.BindingChanges;
import com.assistantgateway.admin.registry.BindingView;
import com.assistantgateway.admin.registry.ChannelTypes;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Channels: the tenant's bindings, a new one, enabling and disabling them. */
@Controller
@RequestMapping("/console")
public class ChannelPages {

    private final TenantAccess access;
    private final TenantRegistry registry;
    private final ChannelTypes channels;

    public ChannelPages(TenantAccess access, TenantRegistry registry, ChannelTypes channels) {
        this.access = access;
        this.registry = registry;
        this.channels = channels;
    }

    @GetMapping("/t/{tenant}/bindings")
    public String bindings(@PathVariable String tenant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_READ);
        model.addAttribute("bindings", registry.bindings(tenantId));
        model.addAttribute("assistants", registry.assistants(tenantId));
        model.addAttribute("channels", channels.names());
        model.addAttribute("embeddable", channels.embeddable());
        model.addAttribute("section", "bindings");
        return "console/bindings";
    }

    /** A binding a web page embeds (web chat): its line to copy, and the widget itself, live, on this page. */
    @GetMapping("/t/{tenant}/bindings/{binding}/preview")
    public String preview(@PathVariable String tenant, @PathVariable String binding, Model model) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_READ);
        BindingView view = registry.bindingView(tenantId, Ids.binding(binding)).orElseThrow(AdminProblem::notFound);
        String script =
                channels.find(view.channel()).flatMap(ChannelType::embedScript).orElseThrow(AdminProblem::notFound);
        model.addAttribute("binding", view);
        model.addAttribute("script", script);
        model.addAttribute("section", "bindings");
        return "console/binding-preview";
    }

    @PostMapping("/t/{tenant}/bindings")
    public String createBinding(
            @PathVariable String tenant,
            @Valid @ModelAttribute BindingForm form,
            BindingResult errors,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.BINDINGS_WRITE);
        if (errors.hasErrors()) {
            flash.addFlashAttribute(
                    "notice",
                    "Not created: "
                            + errors.getFieldErrors().stream()
                                    .map(error -> error.getField() + " " + error.getDefaultMessage())
                                    .sorted()
                                    .collect(Collectors.joining("; "))
                            + ".");
            return "redirect:/console/t/" + tenant + "/bindings";
        }
        registry.createBinding(
                tenantId,
                new NewBinding(
                        Ids.newBinding(form.id()),
                        Ids.assistant(form.assistantId()),
                        Ids.channel(form.channel()),
                        form.inboundKey().strip(),
                        pairs(form.settings()),
                        pairs(form.credentials())),
                TenantAccess.current().name());
        flash.addFlashAttribute("notice", "Binding " + form.id() + " created.");
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
                Ids.binding(binding),
                new BindingChanges(null, null, null, status),
                TenantAccess.current().name());
        flash.addFlashAttribute("notice", "Binding " + binding + " is " + status + ".");
        return "redirect:/console/t/" + tenant + "/bindings";
    }

    /** {@code key=value} per line, as typed into a text area. */
    static Map<String, String> pairs(String lines) {
        Map<String, String> pairs = new TreeMap<>();
        if (lines == null) {
            return pairs;
        }
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
}
