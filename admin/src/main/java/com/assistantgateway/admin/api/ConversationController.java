package com.assistantgateway.admin.api;

import com.assistantgateway.admin.inbox.ConversationFilter;
import com.assistantgateway.admin.inbox.ConversationSummary;
import com.assistantgateway.admin.inbox.Conversations;
import com.assistantgateway.admin.inbox.Conversations.Thread;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The inbox: filter conversations, read a thread, take it over, reply through its channel, hand it back. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/conversations")
public class ConversationController {

    private final Conversations conversations;
    private final TenantAccess access;

    public ConversationController(Conversations conversations, TenantAccess access) {
        this.conversations = conversations;
        this.access = access;
    }

    @GetMapping
    public Page<ConversationSummary> list(
            @PathVariable String tenant,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String assistant,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_READ);
        ConversationFilter filter = new ConversationFilter(status, channel, assistant, from, to);
        return new Page<>(
                conversations.list(tenantId, filter, Page.offset(page, size), size),
                page,
                size,
                conversations.count(tenantId, filter));
    }

    @GetMapping("/{conversation}")
    public Thread thread(@PathVariable String tenant, @PathVariable String conversation) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_READ);
        return conversations.thread(tenantId, Ids.conversation(conversation));
    }

    @PostMapping("/{conversation}/takeover")
    public ConversationSummary takeOver(@PathVariable String tenant, @PathVariable String conversation) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_WRITE);
        return conversations.takeOver(
                tenantId, Ids.conversation(conversation), TenantAccess.current().name());
    }

    @PostMapping("/{conversation}/replies")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public GatewayMessage reply(
            @PathVariable String tenant, @PathVariable String conversation, @Valid @RequestBody Reply reply) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_WRITE);
        return conversations.reply(
                tenantId,
                Ids.conversation(conversation),
                reply.text(),
                TenantAccess.current().name());
    }

    @PostMapping("/{conversation}/handback")
    public ConversationSummary handBack(@PathVariable String tenant, @PathVariable String conversation) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_WRITE);
        return conversations.handBack(
                tenantId, Ids.conversation(conversation), TenantAccess.current().name());
    }

    public record Reply(@NotBlank String text) {}
}
