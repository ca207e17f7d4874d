package com.assistantgateway.admin.api;

import com.assistantgateway.admin.handover.Agent;
import com.assistantgateway.admin.handover.HandoverQueue;
import com.assistantgateway.admin.handover.QueuedConversation;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The handover queue, and the signed-in agent's availability. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/handover")
public class HandoverController {

    private final HandoverQueue queue;
    private final TenantAccess access;

    public HandoverController(HandoverQueue queue, TenantAccess access) {
        this.queue = queue;
        this.access = access;
    }

    /** Handed-over conversations, oldest first, waiting or assigned. */
    @GetMapping("/queue")
    public List<QueuedConversation> queue(@PathVariable String tenant) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_READ);
        return queue.queue(tenantId);
    }

    @GetMapping("/agents")
    public List<Agent> agents(@PathVariable String tenant) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_READ);
        return queue.agents(tenantId);
    }

    @GetMapping("/agents/me")
    public Agent me(@PathVariable String tenant) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_WRITE);
        return queue.agent(tenantId, TenantAccess.current().name());
    }

    /** The signed-in agent takes conversations now (or not), so many at once; waiting ones are assigned at once. */
    @PutMapping("/agents/me")
    public Agent setMe(@PathVariable String tenant, @RequestBody Availability availability) {
        TenantId tenantId = access.require(tenant, Permission.CONVERSATIONS_WRITE);
        return queue.setAvailability(
                tenantId, TenantAccess.current().name(), availability.available(), availability.capacity());
    }

    /** @param capacity null keeps the current one */
    public record Availability(boolean available, Integer capacity) {}
}
