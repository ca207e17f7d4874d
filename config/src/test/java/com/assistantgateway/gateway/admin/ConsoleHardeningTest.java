package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.security.Role;
import com.assistantgateway.routes.message.CanonicalJson;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a hostile agent manager could try against the admins who read the console: a script as the assistant's front
 * end, saved now or stored by an older version; and what the browser is told to refuse whatever slips through.
 */
class ConsoleHardeningTest extends AdminTestSupport {

    @Test
    void aJavascriptFrontEndIsRefusedAndOneStoredEarlierIsNeverRenderedAsALink() {
        String manager = client.login(email("acme", Role.AGENT_MANAGER), PASSWORD);
        client.send(
                "POST",
                "/api/v1/tenants/acme/assistants",
                Map.of("id", "front", "type", "support", "name", "Front"),
                manager);
        HttpResponse<String> script = client.send(
                "PATCH",
                "/api/v1/tenants/acme/assistants/front",
                Map.of("settings", Map.of("frontendUrl", "javascript:alert(document.cookie)")),
                manager);
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("frontendUrl must be an https URL");

        jdbc.update(
                "UPDATE assistants SET model_settings = ? WHERE tenant_id = 'acme' AND id = 'front'",
                CanonicalJson.write(Map.of("frontendUrl", "javascript:alert(document.cookie)")));
        ConsoleSession admin = new ConsoleSession(port);
        admin.signIn(email("acme", Role.TENANT_ADMIN), PASSWORD);
        String page = admin.get("/console/t/acme/assistants/front").body();

        assertThat(page).doesNotContain("href=\"javascript:").doesNotContain("alert(document.cookie)</a>");
    }

    @Test
    void aBindingFormWithABadIdOrNoKeyIsRefusedSayingWhichFieldsAndCreatesNothing() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.signIn(email("acme", Role.TENANT_ADMIN), PASSWORD);
        admin.get("/console/t/acme/bindings");
        int before = registry.bindings(acme.tenant).size();

        HttpResponse<String> refused = admin.post(
                "/console/t/acme/bindings",
                Map.of("id", "bad id!", "assistantId", "support", "channel", "webchat", "inboundKey", " "));
        String page = admin.get(
                        refused.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body();

        assertThat(page).contains("Not created: id must match", "inboundKey must not be blank");
        assertThat(registry.bindings(acme.tenant)).hasSize(before);
    }

    @Test
    void pagesForbidInlineScriptKeepTheirAddressesAndCookiesStayOnTheSite() {
        ConsoleSession admin = new ConsoleSession(port);
        HttpResponse<String> signIn = admin.signIn(email("acme", Role.TENANT_ADMIN), PASSWORD);
        HttpResponse<String> page = admin.get("/console/t/acme/assistants");
        HttpResponse<String> api = client.send("GET", "/api/v1/me", null, client.login(PLATFORM_ADMIN, PASSWORD));

        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(policy).contains("object-src 'none'", "frame-ancestors 'self'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.body()).doesNotContain("<script>", "javascript:", " onclick=", " style=\"");
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .allSatisfy(
                        cookie -> assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly"));
        assertThat(api.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
}
