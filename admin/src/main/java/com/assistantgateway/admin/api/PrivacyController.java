package com.assistantgateway.admin.api;

import com.assistantgateway.admin.privacy.ParticipantData;
import com.assistantgateway.admin.privacy.ParticipantData.Erasure;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A participant's data on request (GDPR articles 15 and 17). The address travels in the body, so it stays out of
 * access logs.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/participants")
public class PrivacyController {

    private final ParticipantData participants;
    private final TenantAccess access;

    public PrivacyController(ParticipantData participants, TenantAccess access) {
        this.participants = participants;
        this.access = access;
    }

    @PostMapping("/export")
    public Map<ConversationId, List<GatewayMessage>> export(
            @PathVariable String tenant, @Valid @RequestBody Participant participant) {
        TenantId tenantId = access.require(tenant, Permission.PRIVACY_MANAGE);
        return participants.export(
                tenantId, participant.address(), TenantAccess.current().name());
    }

    @PostMapping("/erase")
    public Erasure erase(@PathVariable String tenant, @Valid @RequestBody Participant participant) {
        TenantId tenantId = access.require(tenant, Permission.PRIVACY_MANAGE);
        return participants.erase(
                tenantId, participant.address(), TenantAccess.current().name());
    }

    public record Participant(@NotBlank String address) {}
}
