package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An assistant's settings are checked against its plugin's schema when saved, so a bad one never reaches a message. */
class AssistantSettingsTest extends AdminTestSupport {

    private String admin() {
        return client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);
    }

    private String createSupportAssistant(String token) {
        String id = "desk-" + sequence.incrementAndGet();
        HttpResponse<String> created = client.send(
                "POST",
                "/api/v1/tenants/acme/assistants",
                Map.of("id", id, "template", "retail", "settings", Map.of("language", "nl")),
                token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private HttpResponse<String> changeSettings(String token, String id, Map<String, String> settings) {
        return client.send("PATCH", "/api/v1/tenants/acme/assistants/" + id, Map.of("settings", settings), token);
    }

    @Test
    void aSettingThePluginCouldNotReadIsRefusedNamingItAndNothingIsStored() {
        String token = admin();
        String id = createSupportAssistant(token);

        HttpResponse<String> refused =
                changeSettings(token, id, Map.of("confidenceThreshold", "0,6", "retrievalMode", "fuzzy"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.read(refused.body()).get("detail").asText())
                .isEqualTo("setting 'confidenceThreshold' must be a number from 0 to 1 written with a decimal point,"
                        + " such as 0.45; setting 'retrievalMode' does not have a value in the enumeration"
                        + " [\"hybrid\", \"dense\", \"bm25\"]");
        JsonNode stored = AdminClient.read(client.send("GET", "/api/v1/tenants/acme/assistants/" + id, null, token)
                .body());
        assertThat(stored.get("settings").get("confidenceThreshold").asText()).isEqualTo("0.35");
        assertThat(stored.get("settings").has("retrievalMode")).isFalse();
    }

    @Test
    void aValidChangeIsSaved() {
        String token = admin();
        String id = createSupportAssistant(token);

        HttpResponse<String> saved =
                changeSettings(token, id, Map.of("confidenceThreshold", "0.6", "retrievalMode", "bm25"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(AdminClient.read(saved.body())
                        .get("settings")
                        .get("retrievalMode")
                        .asText())
                .isEqualTo("bm25");
    }

    @Test
    void anAssistantOfATypeTheGatewayDoesNotRunIsRefused() {
        HttpResponse<String> refused = client.send(
                "POST",
                "/api/v1/tenants/acme/assistants",
                Map.of("id", "sales-" + sequence.incrementAndGet(), "type", "sales", "name", "Sales"),
                admin());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.read(refused.body()).get("detail").asText())
                .isEqualTo("there is no assistant type 'sales' (there are: echo, support, watcher)");
    }
}
