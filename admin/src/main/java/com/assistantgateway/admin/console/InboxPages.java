package com.assistantgateway.admin.console;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.api.Ids;
import com.assistantgateway.admin.inbox.ConversationFilter;
import com.assistantgateway.admin.inbox.Conversations;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox: conversations by status and channel, a thread, taking it over, replying and handing it back. */
@Controller
@RequestMapping("/console")
public class InboxPages {

    private static final int PAGE = 50;

    private final TenantAccess access;
    private final Conversations conversations;

    public InboxPages(TenantAccess access, Conversations conversations) {
        this.access = access;
        this.conversations = conversations;
    }

    @GetMapping("/t/{tenant}/conversations")
    public String inbox(
            @PathVariable String tenant,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_READ);
        ConversationFilter filter =
                new ConversationFilter(Forms.blankToNull(status), Forms.blankToNull(channel), null, null, null);
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
}
