package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.DeadLetter;
import com.assistantgateway.routes.port.DeadLetterQueues;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's dead-lettered messages: list, replay to the queue they failed on, or discard. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/dead-letters")
public class DeadLetterController {

    private final DeadLetterQueues deadLetters;
    private final TenantAccess access;
    private final AuditTrail audit;

    public DeadLetterController(DeadLetterQueues deadLetters, TenantAccess access, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping
    public Page<DeadLetter> list(
            @PathVariable String tenant,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.DEAD_LETTERS_READ);
        return Page.of(deadLetters.list(tenantId), page, size);
    }

    @PostMapping("/{id}/replay")
    public DeadLetter replay(@PathVariable String tenant, @PathVariable String id) {
        TenantId tenantId = access.require(tenant, Permission.DEAD_LETTERS_WRITE);
        DeadLetter letter = deadLetters.replay(tenantId, id).orElseThrow(AdminProblem::notFound);
        record(tenantId, "dead-letter.replayed", letter);
        return letter;
    }

    @DeleteMapping("/{id}")
    public DeadLetter discard(@PathVariable String tenant, @PathVariable String id) {
        TenantId tenantId = access.require(tenant, Permission.DEAD_LETTERS_WRITE);
        DeadLetter letter = deadLetters.discard(tenantId, id).orElseThrow(AdminProblem::notFound);
        record(tenantId, "dead-letter.discarded", letter);
        return letter;
    }

    // The broker moved the message already; its audit record follows in a transaction of its own.
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
