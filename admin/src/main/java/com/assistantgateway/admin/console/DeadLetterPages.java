package com.assistantgateway.admin.console;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.DeadLetter;
import com.assistantgateway.routes.port.DeadLetterQueues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Dead letters: messages the broker gave up on after their last attempt; replay one, or discard it. */
@Controller
@RequestMapping("/console")
public class DeadLetterPages {

    private final TenantAccess access;
    private final DeadLetterQueues deadLetters;
    private final AuditTrail audit;

    public DeadLetterPages(TenantAccess access, DeadLetterQueues deadLetters, AuditTrail audit) {
        this.access = access;
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping("/t/{tenant}/dead-letters")
    public String deadLetters(@PathVariable String tenant, Model model) {
        TenantId tenantId = access.require(tenant, Permission.DEAD_LETTERS_READ);
        model.addAttribute("letters", deadLetters.list(tenantId));
        model.addAttribute("section", "dead-letters");
        return "console/dead-letters";
    }

    @PostMapping("/t/{tenant}/dead-letters/{id}/replay")
    public String replay(@PathVariable String tenant, @PathVariable String id, RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.DEAD_LETTERS_WRITE);
        DeadLetter letter = deadLetters.replay(tenantId, id).orElseThrow(AdminProblem::notFound);
        record(tenantId, "dead-letter.replayed", letter);
        flash.addFlashAttribute("notice", "Sent back to " + letter.originalQueue() + "; it is tried again now.");
        return "redirect:/console/t/" + tenant + "/dead-letters";
    }

    @PostMapping("/t/{tenant}/dead-letters/{id}/discard")
    public String discard(@PathVariable String tenant, @PathVariable String id, RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.DEAD_LETTERS_WRITE);
        DeadLetter letter = deadLetters.discard(tenantId, id).orElseThrow(AdminProblem::notFound);
        record(tenantId, "dead-letter.discarded", letter);
        flash.addFlashAttribute("notice", "Discarded.");
        return "redirect:/console/t/" + tenant + "/dead-letters";
    }

    private void record(TenantId tenantId, String action, DeadLetter letter) {
        audit.record(
                tenantId,
                TenantAccess.current().name(),
                action,
                "message",
                String.valueOf(letter.messageId()),
                audit.change(null, letter));
    }
}
