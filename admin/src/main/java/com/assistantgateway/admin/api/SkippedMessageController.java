package com.assistantgateway.admin.api;

import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.SkippedMessage;
import com.assistantgateway.routes.port.SkippedMessages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inbound traffic a channel deliberately did not answer (auto-replies, list mail, opted-out numbers, records that are
 * not messages, a Message-ID seen before with other content), newest first, each with its reason.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/skipped-messages")
public class SkippedMessageController {

    /** How far back a listing reads; the overview counts them all by reason in its metrics. */
    static final int NEWEST = 1000;

    private final SkippedMessages skipped;
    private final TenantAccess access;

    public SkippedMessageController(SkippedMessages skipped, TenantAccess access) {
        this.skipped = skipped;
        this.access = access;
    }

    @GetMapping
    public Page<SkippedMessage> list(
            @PathVariable String tenant,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.DEAD_LETTERS_READ);
        return Page.of(
                skipped.latest(tenantId, NEWEST).stream()
                        .filter(s ->
                                reason == null || reason.isBlank() || s.reason().equals(reason))
                        .toList(),
                page,
                size);
    }
}
