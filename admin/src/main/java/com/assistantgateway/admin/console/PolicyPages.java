package com.assistantgateway.admin.console;

import com.assistantgateway.admin.api.Ids;
import com.assistantgateway.admin.policies.StoredAnswerPolicies;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AnswerPolicy;
import com.assistantgateway.routes.port.PolicyTrials;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An assistant's answer policy: edit and enable it (each save a new version), and test it on a sample text. */
@Controller
@RequestMapping("/console/t/{tenant}/assistants/{assistant}/policy")
public class PolicyPages {

    private final TenantAccess access;
    private final StoredAnswerPolicies policies;
    private final PolicyTrials trials;

    public PolicyPages(TenantAccess access, StoredAnswerPolicies policies, PolicyTrials trials) {
        this.access = access;
        this.policies = policies;
        this.trials = trials;
    }

    @GetMapping
    public String page(@PathVariable String tenant, @PathVariable String assistant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        AssistantId assistantId = Ids.assistant(assistant);
        if (!model.containsAttribute("policy")) {
            model.addAttribute("policy", policies.load(tenantId, assistantId));
        }
        model.addAttribute("assistant", assistant);
        model.addAttribute("own", policies.hasOwn(tenantId, assistantId));
        model.addAttribute("versions", policies.versions(tenantId, assistantId));
        model.addAttribute("section", "assistants");
        return "console/policy";
    }

    @PostMapping
    public String save(
            @PathVariable String tenant,
            @PathVariable String assistant,
            @ModelAttribute PolicyForm form,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        AnswerPolicy saved = policies.save(
                tenantId,
                Ids.assistant(assistant),
                form.toPolicy(),
                TenantAccess.current().name());
        flash.addFlashAttribute(
                "notice", "Saved as version " + saved.version() + "; every instance applies it within seconds.");
        return "redirect:/console/t/" + tenant + "/assistants/" + assistant + "/policy";
    }

    /** Runs the form's policy (saved or not) on the sample; nothing is stored. */
    @PostMapping("/test")
    public String test(
            @PathVariable String tenant,
            @PathVariable String assistant,
            @ModelAttribute PolicyForm form,
            @RequestParam(defaultValue = "") String sample,
            RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        AnswerPolicy policy = form.toPolicy();
        policies.recordTrial(
                tenantId, Ids.assistant(assistant), TenantAccess.current().name());
        flash.addFlashAttribute("policy", policy);
        flash.addFlashAttribute("sample", sample);
        flash.addFlashAttribute("trial", trials.trial(policy, sample));
        return "redirect:/console/t/" + tenant + "/assistants/" + assistant + "/policy";
    }

    /**
     * The form's fields: lists are one item per line (regions: comma-separated); a checkbox left unticked is not sent
     * at all, so it arrives as null and means no.
     */
    public record PolicyForm(
            Boolean enabled,
            Boolean redactEmail,
            Boolean redactPhone,
            Boolean redactIban,
            Boolean redactCard,
            String nameDetectorUrl,
            String phoneRegions,
            String allowedTopics,
            String refusedTopics,
            Boolean handOverRefused,
            Integer maxAnswerChars,
            String bannedPhrases,
            String disclaimer) {

        AnswerPolicy toPolicy() {
            return new AnswerPolicy(
                    0,
                    Boolean.TRUE.equals(enabled),
                    Boolean.TRUE.equals(redactEmail),
                    Boolean.TRUE.equals(redactPhone),
                    Boolean.TRUE.equals(redactIban),
                    Boolean.TRUE.equals(redactCard),
                    nameDetectorUrl,
                    split(phoneRegions, "[,\\s]+"),
                    split(allowedTopics, "\\R"),
                    split(refusedTopics, "\\R"),
                    Boolean.TRUE.equals(handOverRefused),
                    maxAnswerChars == null ? 0 : maxAnswerChars,
                    split(bannedPhrases, "\\R"),
                    disclaimer);
        }

        private static List<String> split(String text, String separator) {
            return text == null
                    ? List.of()
                    : Arrays.stream(text.split(separator))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
    }
}
