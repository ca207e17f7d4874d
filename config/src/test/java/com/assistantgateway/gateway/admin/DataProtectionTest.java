package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.audit.AuditEvent;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.privacy.RetentionPurge;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.AttachmentRef;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AttachmentStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Retention purges what is past it and keeps the audit of the purge; a participant's data is exported and erased. */
class DataProtectionTest extends AdminTestSupport {

    @Autowired
    RetentionPurge retention;

    @Autowired
    AuditTrail audit;

    @Autowired
    AttachmentStore attachments;

    @Test
    void conversationsPastTheirTenantsRetentionArePurgedAndThePurgeIsAudited() {
        TenantId tenant = new TenantId("retention-" + sequence.incrementAndGet());
        registry.createTenant(new NewTenant(tenant, "Retention", "trial", null, List.of("en")), "test");
        registry.createAssistant(
                tenant, new NewAssistant(new AssistantId("support"), "echo", "Support", null, null, Map.of()), "test");
        Instant fourDaysAgo = Instant.now().minus(Duration.ofDays(4));
        GatewayMessage old = message(tenant, "old-1", "old@customer.test", "Hello", fourDaysAgo);
        ledger.accept(old);
        AttachmentRef oldPhoto = attachments.store(tenant, old.id(), "photo.png", "image/png", new byte[] {1, 2});
        ledger.accept(message(tenant, "old-2", "old@customer.test", "Hello again", fourDaysAgo));
        GatewayMessage recent = message(tenant, "recent", "new@customer.test", "Hello today");
        ledger.accept(recent);
        AttachmentRef recentPhoto = attachments.store(tenant, recent.id(), "photo.png", "image/png", new byte[] {3});

        int purged = retention.purge(tenant, 3);

        assertThat(purged).isEqualTo(2);
        assertThat(attachments.read(tenant, oldPhoto))
                .as("the purged message's file")
                .isEmpty();
        assertThat(attachments.read(tenant, recentPhoto)).hasValue(new byte[] {3});
        assertThat(count("conversations", tenant)).isOne();
        assertThat(count("messages", tenant)).isOne();
        List<AuditEvent> trail = audit.latest(tenant, 10);
        assertThat(trail).extracting(AuditEvent::action).contains("retention.purged", "message.received");
        assertThat(trail.stream()
                        .filter(e -> e.action().equals("retention.purged"))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .contains("\"conversations\":2", "\"messages\":2");
    }

    @Test
    void participantsDataIsExportedThenErasedAndTheAuditNamesThemOnlyByHash() {
        String participant = "erase-me-" + sequence.incrementAndGet() + "@customer.test";
        GatewayMessage theirs = message(acme.tenant, "gdpr-" + sequence.get(), participant, "My address is Main St 1");
        ledger.accept(theirs);
        AttachmentRef passport =
                attachments.store(acme.tenant, theirs.id(), "passport.jpg", "image/jpeg", new byte[] {4, 5, 6});
        String admin = client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);

        JsonNode export = AdminClient.read(
                client.send("POST", "/api/v1/tenants/acme/participants/export", Map.of("address", participant), admin)
                        .body());
        JsonNode erased = AdminClient.read(
                client.send("POST", "/api/v1/tenants/acme/participants/erase", Map.of("address", participant), admin)
                        .body());

        assertThat(export.toString()).contains("My address is Main St 1");
        assertThat(erased.get("conversations").asInt()).isEqualTo(1);
        assertThat(erased.get("messages").asInt()).isEqualTo(1);
        assertThat(attachments.read(acme.tenant, passport))
                .as("their file goes with their messages")
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM conversations WHERE participant = ?", Long.class, participant))
                .isZero();
        String audited = client.send("GET", "/api/v1/tenants/acme/audit?action=participant.", null, admin)
                .body();
        assertThat(audited).contains(ChannelSignatures.sha256Hex(participant)).doesNotContain(participant);
    }

    private long count(String table, TenantId tenant) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", Long.class, tenant.value());
        return count == null ? 0 : count;
    }
}
