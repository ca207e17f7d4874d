package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Channel credentials and LLM keys given to the admin API are usable by the channels, and appear in no API response,
 * no log line and no database column in plain text.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestTest extends AdminTestSupport {

    @Autowired
    AuditTrail audit;

    @Test
    void credentialsAreUsableButNeverShownLoggedOrStoredInPlainText(CapturedOutput output) {
        String imapPassword = "imap-" + UUID.randomUUID();
        String twilioToken = "twilio-" + UUID.randomUUID();
        String signingSecret = "hmac-" + UUID.randomUUID();
        String llmKey = "sk-" + UUID.randomUUID();
        List<String> secrets = List.of(imapPassword, twilioToken, signingSecret, llmKey);
        String admin = client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);

        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(client.send(
                "POST",
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        "mailbox",
                        "assistantId",
                        "support",
                        "channel",
                        "email",
                        "inboundKey",
                        "help-" + UUID.randomUUID() + "@acme.test",
                        "settings",
                        Map.of(
                                "imapHost",
                                "127.0.0.1",
                                "imapPort",
                                "1",
                                "smtpHost",
                                "127.0.0.1",
                                "smtpPort",
                                "1",
                                "pollMillis",
                                "3600000"),
                        "credentials",
                        Map.of("username", "help@acme.test", "password", imapPassword)),
                admin));
        responses.add(client.send(
                "POST",
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id", "sms",
                        "assistantId", "support",
                        "channel", "sms",
                        "inboundKey", "+3120" + (1000000 + sequence.incrementAndGet()),
                        "credentials", Map.of("accountSid", "AC" + "1".repeat(32), "authToken", twilioToken)),
                admin));
        String hook = "signed-" + sequence.incrementAndGet();
        responses.add(client.send(
                "POST",
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        hook,
                        "assistantId",
                        "support",
                        "channel",
                        "webhook",
                        "inboundKey",
                        "acme-" + hook,
                        "credentials",
                        Map.of("tokenSha256", "3".repeat(64))),
                admin));
        responses.add(client.send(
                "PATCH",
                "/api/v1/tenants/acme/bindings/" + hook,
                Map.of("credentials", Map.of("signingSecret", signingSecret)),
                admin));
        responses.add(client.send(
                "PATCH",
                "/api/v1/tenants/acme/assistants/support",
                Map.of("credentials", Map.of("llm.apiKey", llmKey)),
                admin));
        for (String path : List.of(
                "/api/v1/tenants/acme/bindings",
                "/api/v1/tenants/acme/bindings/mailbox",
                "/api/v1/tenants/acme/bindings/sms",
                "/api/v1/tenants/acme/bindings/" + hook,
                "/api/v1/tenants/acme/assistants",
                "/api/v1/tenants/acme/assistants/support",
                "/api/v1/tenants/acme/audit?size=200",
                "/api/v1/tenants/acme/audit/export?format=jsonl",
                "/api/v1/tenants/acme/audit/export?format=csv")) {
            responses.add(client.send("GET", path, null, admin));
        }

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isBetween(200, 299);
            assertThat(response.body()).doesNotContain(secrets);
        });
        assertThat(AdminClient.read(responses.get(0).body())
                        .get("credentials")
                        .get("password")
                        .asText())
                .isEqualTo("********");
        TenantId acme = new TenantId("acme");
        assertThat(registry.find(acme, new BindingId("mailbox")).map(ChannelBinding::credentials))
                .hasValueSatisfying(c -> assertThat(c).containsEntry("password", imapPassword));
        assertThat(registry.find(acme, new BindingId(hook)).map(ChannelBinding::credentials))
                .hasValueSatisfying(c -> assertThat(c).containsEntry("signingSecret", signingSecret));
        assertThat(registry.assistant(acme, new com.assistantgateway.routes.message.AssistantId("support")))
                .hasValueSatisfying(p -> {
                    assertThat(p.credentials()).containsEntry("llm.apiKey", llmKey);
                    assertThat(p.settings()).doesNotContainKey("llm.apiKey");
                });
        assertThat(jdbc.queryForObject(
                        "SELECT credentials FROM channel_bindings WHERE tenant_id = 'acme' AND id = 'mailbox'",
                        String.class))
                .startsWith("enc:v1:");
        assertThat(everyStoredValue()).noneMatch(value -> secrets.stream().anyMatch(value::contains));
        assertThat(output.getAll()).doesNotContain(secrets);
    }

    @Test
    void aKeyOnceSavedAsASettingIsRefusedNowAndOneStoredEarlierMovesIntoSealedCredentials() {
        String admin = client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);
        String key = "sk-plain-" + UUID.randomUUID();
        HttpResponse<String> refused = client.send(
                "PATCH",
                "/api/v1/tenants/acme/assistants/support",
                Map.of("settings", Map.of("llm.apiKey", key)),
                admin);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("'llm.apiKey' holds a secret: send it under credentials");

        // As an older version stored it: in the settings column and in an audit record's after-view.
        jdbc.update(
                "UPDATE assistants SET model_settings = ? WHERE tenant_id = 'acme' AND id = 'support'",
                CanonicalJson.write(Map.of("llm.apiKey", key)));
        audit.record(
                new TenantId("acme"),
                "old-version",
                "assistant.updated",
                "assistant",
                "support",
                audit.change(null, Map.of("settings", Map.of("llm.apiKey", key))));

        registry.moveSecretsOutOfSettings("test");

        JsonNode view = AdminClient.read(client.send("GET", "/api/v1/tenants/acme/assistants/support", null, admin)
                .body());
        assertThat(view.get("settings").has("llm.apiKey")).isFalse();
        assertThat(view.get("credentials").get("llm.apiKey").asText()).isEqualTo("********");
        assertThat(registry.assistant(
                        new TenantId("acme"), new com.assistantgateway.routes.message.AssistantId("support")))
                .hasValueSatisfying(p -> assertThat(p.credentials()).containsEntry("llm.apiKey", key));
        assertThat(client.send("GET", "/api/v1/tenants/acme/audit/export?format=jsonl", null, admin)
                        .body())
                .doesNotContain(key);
        assertThat(everyStoredValue()).noneMatch(value -> value.contains(key));
    }

    /** Every value of every column of every table, as text. */
    private List<String> everyStoredValue() {
        List<String> values = new ArrayList<>();
        for (String table : jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class)) {
            jdbc.query("SELECT * FROM \"" + table + "\"", rs -> {
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    values.add(String.valueOf(rs.getObject(column)));
                }
            });
        }
        assertThat(values).as("the scan read the tables").hasSizeGreaterThan(100);
        return values;
    }
}
