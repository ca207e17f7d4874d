package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.security.Role;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Channel credentials and LLM keys given to the admin API are usable by the channels, and appear in no API response,
 * no log line and no database column in plain text.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestTest extends AdminTestSupport {

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
        assertThat(registry.find(acme, "mailbox").map(ChannelBinding::credentials))
                .hasValueSatisfying(c -> assertThat(c).containsEntry("password", imapPassword));
        assertThat(registry.find(acme, hook).map(ChannelBinding::credentials))
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
