package com.assistantgateway.admin.console;

import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.SkippedMessage;
import com.assistantgateway.routes.port.SkippedMessages;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Skipped messages: what channels received and deliberately did not answer, and why. */
@Controller
@RequestMapping("/console")
public class SkippedPages {

    private static final int NEWEST = 200;

    private final TenantAccess access;
    private final SkippedMessages skipped;

    public SkippedPages(TenantAccess access, SkippedMessages skipped) {
        this.access = access;
        this.skipped = skipped;
    }

    @GetMapping("/t/{tenant}/skipped")
    public String skipped(@PathVariable String tenant, @RequestParam(required = false) String reason, Model model) {
        TenantId tenantId = access.require(tenant, Permission.DEAD_LETTERS_READ);
        List<SkippedMessage> newest = skipped.latest(tenantId, NEWEST);
        model.addAttribute(
                "skipped",
                newest.stream()
                        .filter(s ->
                                Forms.blankToNull(reason) == null || s.reason().equals(reason))
                        .toList());
        model.addAttribute(
                "reasons",
                newest.stream().map(SkippedMessage::reason).distinct().sorted().toList());
        model.addAttribute("reason", reason);
        model.addAttribute("section", "skipped");
        return "console/skipped";
    }
}
