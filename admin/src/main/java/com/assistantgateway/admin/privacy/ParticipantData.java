package com.assistantgateway.admin.privacy;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's data (a customer's email address or phone number) exported or erased on request. The audit of an
 * erasure names the participant only by the SHA-256 of their address, so the record of the erasure is no copy of it.
 */
@Service
public class ParticipantData {

    private final PrivacyMapper mapper;
    private final JdbcMessageLedger ledger;
    private final AuditTrail audit;
    private final MessageFiles files;

    public ParticipantData(PrivacyMapper mapper, JdbcMessageLedger ledger, AuditTrail audit, MessageFiles files) {
        this.files = files;
        this.mapper = mapper;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** Every conversation with the participant and its messages. */
    @Transactional
    public Map<ConversationId, List<GatewayMessage>> export(TenantId tenantId, String address, String actor) {
        List<ConversationId> conversations = mapper.conversationsOf(tenantId, required(address));
        Map<ConversationId, List<GatewayMessage>> export = new LinkedHashMap<>();
        conversations.forEach(id -> export.put(id, ledger.messages(tenantId, id)));
        audit.record(
                tenantId,
                actor,
                "participant.exported",
                "participant",
                ChannelSignatures.sha256Hex(address),
                audit.change(null, Map.of("conversations", conversations.size())));
        return export;
    }

    /**
     * Deletes the participant's conversations, messages with their stored files, deliveries, opt-out and
     * skipped-message records.
     */
    @Transactional
    public Erasure erase(TenantId tenantId, String address, String actor) {
        List<ConversationId> conversations = mapper.conversationsOf(tenantId, required(address));
        int messages = 0;
        if (!conversations.isEmpty()) {
            files.delete(tenantId, conversations);
            mapper.deleteDeliveries(tenantId, conversations);
            messages = mapper.deleteMessages(tenantId, conversations);
            mapper.deleteConversations(tenantId, conversations);
        }
        mapper.deleteOptOut(tenantId, address);
        mapper.deleteSkipped(tenantId, address);
        Erasure erasure = new Erasure(conversations.size(), messages);
        audit.record(
                tenantId,
                actor,
                "participant.erased",
                "participant",
                ChannelSignatures.sha256Hex(address),
                audit.change(null, erasure));
        return erasure;
    }

    private static String required(String address) {
        if (address == null || address.isBlank()) {
            throw AdminProblem.invalid("name the participant's address");
        }
        return address;
    }

    /** What an erasure deleted. */
    public record Erasure(int conversations, int messages) {}
}
