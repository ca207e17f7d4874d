package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.gateway.admin.AdminClient.Upload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every admin API endpoint the gateway serves (read from Spring MVC's own handler mapping, so a new endpoint
 * without a row here fails the test) × every kind of caller × their own tenant and another. The rules it proves:
 *
 * <ul>
 *   <li>another tenant's objects are "not found", byte for byte the answer for a tenant that does not exist, for
 *       every caller but a platform admin, whatever their permissions: nothing can be read, changed or inferred;
 *   <li>in their own tenant a caller gets exactly what their role (or key's scopes) permits, and 403 otherwise;
 *   <li>anonymous callers get 401;
 *   <li>every successful change leaves a record in the audit trail naming its actor.
 * </ul>
 */
class AdminAccessMatrixTest extends AdminTestSupport {

    /** Only platform admins may call these. */
    private static final Permission PLATFORM = null;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** What each endpoint needs, and a request for it against one tenant's fresh objects. */
    private List<Endpoint> endpoints() {
        String t = "/api/v1/tenants/%s";
        String a = t + "/assistants/support";
        List<Endpoint> all = new ArrayList<>();
        all.add(tenantScoped(
                "GET", "/api/v1/tenants/{tenant}", Permission.TENANT_READ, s -> req(t.formatted(s.slug()))));
        all.add(tenantScoped(
                "PATCH",
                "/api/v1/tenants/{tenant}",
                Permission.TENANT_WRITE,
                s -> req(t.formatted(s.slug()), Map.of("retentionDays", 200))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants",
                Permission.ASSISTANTS_READ,
                s -> req(t.formatted(s.slug()) + "/assistants")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/assistants",
                Permission.ASSISTANTS_WRITE,
                s -> req(
                        t.formatted(s.slug()) + "/assistants",
                        Map.of("id", "new-" + sequence.incrementAndGet(), "template", "retail"))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}",
                Permission.ASSISTANTS_READ,
                s -> req(a.formatted(s.slug()))));
        all.add(tenantScoped(
                "PATCH",
                "/api/v1/tenants/{tenant}/assistants/{assistant}",
                Permission.ASSISTANTS_WRITE,
                s -> req(a.formatted(s.slug()), Map.of("persona", "Brief."))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge",
                Permission.KNOWLEDGE_READ,
                s -> req(a.formatted(s.slug()) + "/knowledge")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge",
                Permission.KNOWLEDGE_WRITE,
                s -> req(
                        a.formatted(s.slug()) + "/knowledge",
                        new Upload(
                                "faq-" + sequence.incrementAndGet() + ".md",
                                "# FAQ\n\nShipping takes two days.\n".getBytes(StandardCharsets.UTF_8)))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge/{source}",
                Permission.KNOWLEDGE_READ,
                s -> req(a.formatted(s.slug()) + "/knowledge/" + s.freshSource())));
        all.add(tenantScoped(
                "DELETE",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge/{source}",
                Permission.KNOWLEDGE_WRITE,
                s -> req(a.formatted(s.slug()) + "/knowledge/" + s.freshSource())));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge/url",
                Permission.KNOWLEDGE_WRITE,
                // The console's sign-in page: an HTML page any gateway serves without credentials.
                s -> req(
                        a.formatted(s.slug()) + "/knowledge/url",
                        Map.of("url", "http://localhost:" + port + "/console/login"))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge/{source}/versions",
                Permission.KNOWLEDGE_READ,
                s -> req(a.formatted(s.slug()) + "/knowledge/" + s.freshSource() + "/versions")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge/{source}/versions/{version}/restore",
                Permission.KNOWLEDGE_WRITE,
                s -> req(a.formatted(s.slug()) + "/knowledge/" + s.freshSource() + "/versions/1/restore")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge/{source}/reindex",
                Permission.KNOWLEDGE_WRITE,
                s -> req(a.formatted(s.slug()) + "/knowledge/" + s.freshSource() + "/reindex")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/bindings",
                Permission.BINDINGS_READ,
                s -> req(t.formatted(s.slug()) + "/bindings")));
        all.add(tenantScoped("POST", "/api/v1/tenants/{tenant}/bindings", Permission.BINDINGS_WRITE, s -> {
            int n = sequence.incrementAndGet();
            return req(
                    t.formatted(s.slug()) + "/bindings",
                    Map.of(
                            "id",
                            "hook-" + n,
                            "assistantId",
                            "support",
                            "channel",
                            "webhook",
                            "inboundKey",
                            s.slug() + "-hook-" + n,
                            "credentials",
                            Map.of("tokenSha256", "1".repeat(64))));
        }));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/bindings/{binding}",
                Permission.BINDINGS_READ,
                s -> req(t.formatted(s.slug()) + "/bindings/web")));
        all.add(tenantScoped(
                "PATCH",
                "/api/v1/tenants/{tenant}/bindings/{binding}",
                Permission.BINDINGS_WRITE,
                s -> req(t.formatted(s.slug()) + "/bindings/web", Map.of("settings", Map.of("note", "x")))));
        all.add(tenantScoped(
                "DELETE",
                "/api/v1/tenants/{tenant}/bindings/{binding}",
                Permission.BINDINGS_WRITE,
                s -> req(t.formatted(s.slug()) + "/bindings/web")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/conversations",
                Permission.CONVERSATIONS_READ,
                s -> req(t.formatted(s.slug()) + "/conversations?status=open")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/conversations/{conversation}",
                Permission.CONVERSATIONS_READ,
                s -> req(t.formatted(s.slug()) + "/conversations/c-1")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/conversations/{conversation}/takeover",
                Permission.CONVERSATIONS_WRITE,
                s -> req(t.formatted(s.slug()) + "/conversations/" + s.freshConversation() + "/takeover")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/conversations/{conversation}/replies",
                Permission.CONVERSATIONS_WRITE,
                s -> {
                    String conversation = s.freshConversation();
                    conversations.takeOver(
                            s.tenant, new com.assistantgateway.routes.message.ConversationId(conversation), "test");
                    return req(
                            t.formatted(s.slug()) + "/conversations/" + conversation + "/replies",
                            Map.of("text", "A person here: it ships today."));
                }));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/conversations/{conversation}/handback",
                Permission.CONVERSATIONS_WRITE,
                s -> req(t.formatted(s.slug()) + "/conversations/" + s.freshConversation() + "/handback")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/dead-letters",
                Permission.DEAD_LETTERS_READ,
                s -> req(t.formatted(s.slug()) + "/dead-letters")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/dead-letters/{id}/replay",
                Permission.DEAD_LETTERS_WRITE,
                s -> req(t.formatted(s.slug()) + "/dead-letters/" + s.freshDeadLetter() + "/replay")));
        all.add(tenantScoped(
                "DELETE",
                "/api/v1/tenants/{tenant}/dead-letters/{id}",
                Permission.DEAD_LETTERS_WRITE,
                s -> req(t.formatted(s.slug()) + "/dead-letters/" + s.freshDeadLetter())));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/skipped-messages",
                Permission.DEAD_LETTERS_READ,
                s -> req(t.formatted(s.slug()) + "/skipped-messages")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/audit",
                Permission.AUDIT_READ,
                s -> req(t.formatted(s.slug()) + "/audit?action=binding.")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/audit/export",
                Permission.AUDIT_READ,
                s -> req(t.formatted(s.slug()) + "/audit/export?format=csv")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/api-keys",
                Permission.KEYS_MANAGE,
                s -> req(t.formatted(s.slug()) + "/api-keys")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/api-keys",
                Permission.KEYS_MANAGE,
                s -> req(
                        t.formatted(s.slug()) + "/api-keys",
                        Map.of("name", "ci", "scopes", List.of("conversations:read")))));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/api-keys/{key}/rotate",
                Permission.KEYS_MANAGE,
                s -> req(t.formatted(s.slug()) + "/api-keys/" + s.freshKey() + "/rotate")));
        all.add(tenantScoped(
                "DELETE",
                "/api/v1/tenants/{tenant}/api-keys/{key}",
                Permission.KEYS_MANAGE,
                s -> req(t.formatted(s.slug()) + "/api-keys/" + s.freshKey())));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/users",
                Permission.USERS_MANAGE,
                s -> req(t.formatted(s.slug()) + "/users")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/users",
                Permission.USERS_MANAGE,
                s -> req(
                        t.formatted(s.slug()) + "/users",
                        Map.of(
                                "email",
                                "new" + sequence.incrementAndGet() + "@" + s.slug() + ".test",
                                "name",
                                "New",
                                "password",
                                PASSWORD,
                                "role",
                                "USER"))));
        all.add(tenantScoped(
                "PATCH",
                "/api/v1/tenants/{tenant}/users/{user}",
                Permission.USERS_MANAGE,
                s -> req(t.formatted(s.slug()) + "/users/" + s.freshUser(), Map.of("role", "AGENT_MANAGER"))));
        all.add(tenantScoped(
                "DELETE",
                "/api/v1/tenants/{tenant}/users/{user}",
                Permission.USERS_MANAGE,
                s -> req(t.formatted(s.slug()) + "/users/" + s.freshUser())));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/participants/export",
                Permission.PRIVACY_MANAGE,
                s -> req(
                        t.formatted(s.slug()) + "/participants/export",
                        Map.of("address", "customer@" + s.slug() + ".test"))));
        all.add(tenantScoped("POST", "/api/v1/tenants/{tenant}/participants/erase", Permission.PRIVACY_MANAGE, s -> {
            s.freshConversation();
            return req(
                    t.formatted(s.slug()) + "/participants/erase",
                    Map.of("address", "p" + sequence.get() + "@" + s.slug() + ".test"));
        }));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/reports/overview",
                Permission.REPORTS_READ,
                s -> req(t.formatted(s.slug()) + "/reports/overview?days=7")));
        // Not tenant-scoped: who may call them depends only on the caller.
        all.add(global("GET", "/api/v1/tenants", Permission.TENANT_READ, s -> req("/api/v1/tenants")));
        all.add(global("POST", "/api/v1/tenants", PLATFORM, s -> {
            int n = sequence.incrementAndGet();
            return req(
                    "/api/v1/tenants",
                    Map.of(
                            "slug",
                            "new-tenant-" + n,
                            "name",
                            "New " + n,
                            "plan",
                            "trial",
                            "admin",
                            Map.of(
                                    "email",
                                    "admin@new-" + n + ".test",
                                    "name",
                                    "Admin",
                                    "password",
                                    PASSWORD,
                                    "role",
                                    "TENANT_ADMIN")));
        }));
        all.add(global("GET", "/api/v1/me", null, s -> req("/api/v1/me")).forEveryone());
        all.add(global("GET", "/api/v1/assistant-templates", null, s -> req("/api/v1/assistant-templates"))
                .forEveryone());
        all.add(global(
                "POST", "/api/v1/platform/secrets/rotate", PLATFORM, s -> req("/api/v1/platform/secrets/rotate")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/limits",
                Permission.TENANT_READ,
                s -> req(t.formatted(s.slug()) + "/limits")));
        // Throttling is the platform's; generous, and reset right after, so no other test meets a limit.
        all.add(tenantScoped(
                "PUT",
                "/api/v1/tenants/{tenant}/limits",
                PLATFORM,
                s -> req(
                        t.formatted(s.slug()) + "/limits",
                        Map.of("messagesPerMinute", 1000000, "senderMessagesPerMinute", 0))));
        all.add(tenantScoped(
                "DELETE", "/api/v1/tenants/{tenant}/limits", PLATFORM, s -> req(t.formatted(s.slug()) + "/limits")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/policy",
                Permission.ASSISTANTS_READ,
                s -> req(t.formatted(s.slug()) + "/policy")));
        all.add(tenantScoped(
                "PUT",
                "/api/v1/tenants/{tenant}/policy",
                Permission.ASSISTANTS_WRITE,
                s -> req(t.formatted(s.slug()) + "/policy", Map.of("enabled", true, "redactEmail", true))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/policy/versions",
                Permission.ASSISTANTS_READ,
                s -> req(t.formatted(s.slug()) + "/policy/versions")));
        String ap = a + "/policy";
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/policy",
                Permission.ASSISTANTS_READ,
                s -> req(ap.formatted(s.slug()))));
        all.add(tenantScoped(
                "PUT",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/policy",
                Permission.ASSISTANTS_WRITE,
                s -> req(ap.formatted(s.slug()), Map.of("enabled", true, "redactEmail", true, "redactPhone", true))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/policy/versions",
                Permission.ASSISTANTS_READ,
                s -> req(ap.formatted(s.slug()) + "/versions")));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/policy/test",
                Permission.ASSISTANTS_READ,
                s -> req(ap.formatted(s.slug()) + "/test", Map.of("text", "Mail me at jan@example.com"))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/handover/queue",
                Permission.CONVERSATIONS_READ,
                s -> req(t.formatted(s.slug()) + "/handover/queue")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/handover/agents",
                Permission.CONVERSATIONS_READ,
                s -> req(t.formatted(s.slug()) + "/handover/agents")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/handover/agents/me",
                Permission.CONVERSATIONS_WRITE,
                s -> req(t.formatted(s.slug()) + "/handover/agents/me")));
        all.add(tenantScoped(
                "PUT",
                "/api/v1/tenants/{tenant}/handover/agents/me",
                Permission.CONVERSATIONS_WRITE,
                s -> req(t.formatted(s.slug()) + "/handover/agents/me", Map.of("available", false, "capacity", 5))));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/scenarios",
                Permission.ASSISTANTS_READ,
                s -> req(a.formatted(s.slug()) + "/scenarios")));
        all.add(tenantScoped(
                "PUT",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/scenarios",
                Permission.ASSISTANTS_WRITE,
                s -> req(
                        a.formatted(s.slug()) + "/scenarios",
                        Map.of(
                                "scenarios",
                                List.of(Map.of(
                                        "name", "echoes",
                                        "turns", List.of("hello"),
                                        "expect", Map.of("outcome", List.of("answered"))))))));
        all.add(tenantScoped(
                "POST",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/scenario-runs",
                Permission.ASSISTANTS_WRITE,
                s -> req(a.formatted(s.slug()) + "/scenario-runs")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/scenario-runs",
                Permission.ASSISTANTS_READ,
                s -> req(a.formatted(s.slug()) + "/scenario-runs")));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/scenario-runs/{run}",
                Permission.ASSISTANTS_READ,
                s -> req(a.formatted(s.slug()) + "/scenario-runs/" + s.freshRun())));
        all.add(tenantScoped(
                "GET",
                "/api/v1/tenants/{tenant}/assistants/{assistant}/scenario-runs/compare",
                Permission.ASSISTANTS_READ,
                s -> req(a.formatted(s.slug()) + "/scenario-runs/compare?base=" + s.freshRun() + "&with="
                        + s.freshRun())));
        return all;
    }

    @Autowired
    com.assistantgateway.admin.inbox.Conversations conversations;

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/v1/") && !pattern.startsWith("/api/v1/auth/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        endpoints().forEach(e -> covered.add(e.key()));
        assertThat(covered).isEqualTo(served);
    }

    @Test
    void callersReachExactlyWhatTheirRoleAllowsInTheirOwnTenantAndNothingOfAnother() {
        List<Caller> callers = callers();
        List<String> violations = new ArrayList<>();
        Set<String> changedAndAudited = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : callers) {
                for (Side side : endpoint.tenantScoped() ? List.of(acme, globex) : List.of(acme)) {
                    Request request = endpoint.request().apply(side);
                    long auditBefore = caller.name() == null ? 0 : auditCount(caller.name());
                    HttpResponse<String> response =
                            client.send(endpoint.method(), request.path(), request.body(), caller.token());
                    int expected = expected(endpoint, caller, side);
                    String where = endpoint.key() + " as " + caller.label() + " on " + side.slug();
                    if (!matches(expected, response.statusCode())) {
                        violations.add(where + ": expected " + expected + ", got " + response.statusCode() + " "
                                + response.body());
                        continue;
                    }
                    if (expected == 404) {
                        String unknown = request.path().replace("/tenants/" + side.slug(), "/tenants/no-such-tenant");
                        HttpResponse<String> absent =
                                client.send(endpoint.method(), unknown, request.body(), caller.token());
                        if (!withoutInstance(absent.body()).equals(withoutInstance(response.body()))) {
                            violations.add(where + ": 404 differs from a missing tenant's: " + response.body());
                        }
                    }
                    if (caller.tenant() != null
                            && !caller.tenant().equals(side.slug())
                            && response.body().contains(side.slug() + " Inc")) {
                        violations.add(where + ": leaks " + side.slug());
                    }
                    if (isSuccess(response.statusCode()) && !endpoint.method().equals("GET")) {
                        if (auditCount(caller.name()) <= auditBefore) {
                            violations.add(where + ": changed something without an audit record");
                        } else {
                            changedAndAudited.add(endpoint.key());
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
        Set<String> mutating = new TreeSet<>();
        endpoints().stream().filter(e -> !e.method().equals("GET")).forEach(e -> mutating.add(e.key()));
        assertThat(changedAndAudited)
                .as("every mutating endpoint succeeded and was audited")
                .isEqualTo(mutating);
    }

    @Test
    void tenantListShowsOnlyTheCallersOwnTenant() {
        String token = client.login(email("acme", Role.USER), PASSWORD);

        JsonNode page = AdminClient.read(
                client.send("GET", "/api/v1/tenants", null, token).body());

        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("slug").asText()).isEqualTo("acme");
    }

    /** The console's pages and form posts, each with what it needs and a request for it against one tenant. */
    private List<Page> pages() {
        String t = "/console/t/%s";
        List<Page> all = new ArrayList<>();
        all.add(page("GET", "/console/t/{tenant}", Permission.REPORTS_READ, s -> t.formatted(s.slug())));
        all.add(page(
                "GET",
                "/console/t/{tenant}/assistants",
                Permission.ASSISTANTS_READ,
                s -> t.formatted(s.slug()) + "/assistants"));
        all.add(post(
                "/console/t/{tenant}/assistants",
                Permission.ASSISTANTS_WRITE,
                s -> t.formatted(s.slug()) + "/assistants",
                s -> Map.of("id", "console-" + sequence.incrementAndGet(), "template", "retail")));
        all.add(page(
                "GET",
                "/console/t/{tenant}/assistants/{assistant}",
                Permission.ASSISTANTS_READ,
                s -> t.formatted(s.slug()) + "/assistants/support"));
        all.add(post(
                "/console/t/{tenant}/assistants/{assistant}",
                Permission.ASSISTANTS_WRITE,
                s -> t.formatted(s.slug()) + "/assistants/support",
                s -> Map.of("name", "Support", "persona", "Brief.")));
        all.add(page(
                "GET",
                "/console/t/{tenant}/bindings",
                Permission.BINDINGS_READ,
                s -> t.formatted(s.slug()) + "/bindings"));
        all.add(post(
                "/console/t/{tenant}/bindings",
                Permission.BINDINGS_WRITE,
                s -> t.formatted(s.slug()) + "/bindings",
                s -> {
                    int n = sequence.incrementAndGet();
                    return Map.of(
                            "id",
                            "console-hook-" + n,
                            "assistantId",
                            "support",
                            "channel",
                            "webhook",
                            "inboundKey",
                            s.slug() + "-console-hook-" + n,
                            "credentials",
                            "tokenSha256=" + "2".repeat(64));
                }));
        all.add(page(
                "GET",
                "/console/t/{tenant}/bindings/{binding}/preview",
                Permission.BINDINGS_READ,
                s -> t.formatted(s.slug()) + "/bindings/chat/preview"));
        all.add(post(
                "/console/t/{tenant}/bindings/{binding}/status",
                Permission.BINDINGS_WRITE,
                s -> t.formatted(s.slug()) + "/bindings/web/status",
                s -> Map.of("status", "active")));
        all.add(page(
                "GET",
                "/console/t/{tenant}/knowledge",
                Permission.KNOWLEDGE_READ,
                s -> t.formatted(s.slug()) + "/knowledge"));
        all.add(new Page(
                "POST",
                "/console/t/{tenant}/knowledge",
                Permission.KNOWLEDGE_WRITE,
                s -> t.formatted(s.slug()) + "/knowledge",
                s -> Map.of("assistant", "support"),
                true));
        all.add(post(
                "/console/t/{tenant}/knowledge/url",
                Permission.KNOWLEDGE_WRITE,
                s -> t.formatted(s.slug()) + "/knowledge/url",
                s -> Map.of("assistant", "support", "url", "http://localhost:" + port + "/console/login")));
        all.add(page(
                "GET",
                "/console/t/{tenant}/knowledge/{source}",
                Permission.KNOWLEDGE_READ,
                s -> t.formatted(s.slug()) + "/knowledge/" + s.freshSource() + "?assistant=support"));
        all.add(post(
                "/console/t/{tenant}/knowledge/{source}/versions/{version}/restore",
                Permission.KNOWLEDGE_WRITE,
                s -> t.formatted(s.slug()) + "/knowledge/" + s.freshSource() + "/versions/1/restore",
                s -> Map.of("assistant", "support")));
        all.add(post(
                "/console/t/{tenant}/knowledge/{source}/{action}",
                Permission.KNOWLEDGE_WRITE,
                s -> t.formatted(s.slug()) + "/knowledge/" + s.freshSource() + "/reindex",
                s -> Map.of("assistant", "support")));
        all.add(page(
                "GET",
                "/console/t/{tenant}/conversations",
                Permission.CONVERSATIONS_READ,
                s -> t.formatted(s.slug()) + "/conversations"));
        all.add(page(
                "GET",
                "/console/t/{tenant}/conversations/{conversation}",
                Permission.CONVERSATIONS_READ,
                s -> t.formatted(s.slug()) + "/conversations/c-1"));
        all.add(post(
                "/console/t/{tenant}/conversations/{conversation}/{action}",
                Permission.CONVERSATIONS_WRITE,
                s -> t.formatted(s.slug()) + "/conversations/" + s.freshConversation() + "/takeover",
                s -> Map.of()));
        all.add(page(
                "GET",
                "/console/t/{tenant}/dead-letters",
                Permission.DEAD_LETTERS_READ,
                s -> t.formatted(s.slug()) + "/dead-letters"));
        all.add(post(
                "/console/t/{tenant}/dead-letters/{id}/replay",
                Permission.DEAD_LETTERS_WRITE,
                s -> t.formatted(s.slug()) + "/dead-letters/" + s.freshDeadLetter() + "/replay",
                s -> Map.of()));
        all.add(post(
                "/console/t/{tenant}/dead-letters/{id}/discard",
                Permission.DEAD_LETTERS_WRITE,
                s -> t.formatted(s.slug()) + "/dead-letters/" + s.freshDeadLetter() + "/discard",
                s -> Map.of()));
        all.add(page(
                "GET",
                "/console/t/{tenant}/skipped",
                Permission.DEAD_LETTERS_READ,
                s -> t.formatted(s.slug()) + "/skipped"));
        all.add(page("GET", "/console/t/{tenant}/audit", Permission.AUDIT_READ, s -> t.formatted(s.slug()) + "/audit"));
        all.add(page(
                "GET",
                "/console/t/{tenant}/audit/export",
                Permission.AUDIT_READ,
                s -> t.formatted(s.slug()) + "/audit/export?format=csv"));
        all.add(page(
                "GET", "/console/t/{tenant}/users", Permission.USERS_MANAGE, s -> t.formatted(s.slug()) + "/users"));
        all.add(post(
                "/console/t/{tenant}/users",
                Permission.USERS_MANAGE,
                s -> t.formatted(s.slug()) + "/users",
                s -> Map.of(
                        "email",
                        "console" + sequence.incrementAndGet() + "@" + s.slug() + ".test",
                        "name",
                        "Console",
                        "password",
                        PASSWORD,
                        "role",
                        "USER")));
        all.add(post(
                "/console/t/{tenant}/users/{user}/role",
                Permission.USERS_MANAGE,
                s -> t.formatted(s.slug()) + "/users/" + s.freshUser() + "/role",
                s -> Map.of("role", "AGENT_MANAGER")));
        all.add(post(
                "/console/t/{tenant}/users/{user}/disable",
                Permission.USERS_MANAGE,
                s -> t.formatted(s.slug()) + "/users/" + s.freshUser() + "/disable",
                s -> Map.of()));
        all.add(page(
                "GET", "/console/t/{tenant}/limits", Permission.TENANT_READ, s -> t.formatted(s.slug()) + "/limits"));
        all.add(post(
                "/console/t/{tenant}/limits",
                PLATFORM,
                s -> t.formatted(s.slug()) + "/limits",
                s -> Map.of(
                        "messagesPerMinute", "1000000", "senderMessagesPerMinute", "0", "llmTokensPerMinute", "0")));
        all.add(post(
                "/console/t/{tenant}/limits/plan",
                PLATFORM,
                s -> t.formatted(s.slug()) + "/limits/plan",
                s -> Map.of()));
        String ac = t + "/assistants/support";
        all.add(page(
                "GET",
                "/console/t/{tenant}/handover",
                Permission.CONVERSATIONS_READ,
                s -> t.formatted(s.slug()) + "/handover"));
        all.add(post(
                "/console/t/{tenant}/handover/availability",
                Permission.CONVERSATIONS_WRITE,
                s -> t.formatted(s.slug()) + "/handover/availability",
                s -> Map.of("available", "false", "capacity", "5")));
        all.add(page(
                "GET",
                "/console/t/{tenant}/assistants/{assistant}/policy",
                Permission.ASSISTANTS_READ,
                s -> ac.formatted(s.slug()) + "/policy"));
        all.add(post(
                "/console/t/{tenant}/assistants/{assistant}/policy",
                Permission.ASSISTANTS_WRITE,
                s -> ac.formatted(s.slug()) + "/policy",
                s -> Map.of("enabled", "true", "redactEmail", "true", "maxAnswerChars", "0")));
        all.add(post(
                "/console/t/{tenant}/assistants/{assistant}/policy/test",
                Permission.ASSISTANTS_READ,
                s -> ac.formatted(s.slug()) + "/policy/test",
                s -> Map.of("enabled", "true", "redactEmail", "true", "sample", "Mail me at jan@example.com")));
        all.add(page(
                "GET",
                "/console/t/{tenant}/assistants/{assistant}/scenarios",
                Permission.ASSISTANTS_READ,
                s -> ac.formatted(s.slug()) + "/scenarios"));
        all.add(post(
                "/console/t/{tenant}/assistants/{assistant}/scenarios/run",
                Permission.ASSISTANTS_WRITE,
                s -> ac.formatted(s.slug()) + "/scenarios/run",
                s -> Map.of()));
        return all;
    }

    @Test
    void everyConsolePageIsInTheMatrix() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/console/t/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        pages().forEach(p -> covered.add(p.method() + " " + p.pattern()));
        assertThat(covered).isEqualTo(served);
    }

    /**
     * The console keeps the API's rules: another tenant's pages are "not found", a missing permission "not allowed",
     * a signed-out visitor goes to the sign-in page, and every change a page makes is audited under its actor.
     */
    @Test
    void consoleVisitorsReachExactlyWhatTheirRoleAllowsInTheirOwnTenantAndNothingOfAnother() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", null, null, null, Set.of(), false));
        callers.add(new Caller("platform admin", PLATFORM_ADMIN, PASSWORD, null, Set.of(), true));
        for (Role role : List.of(Role.TENANT_ADMIN, Role.AGENT_MANAGER, Role.USER)) {
            callers.add(new Caller(role.name(), email("acme", role), PASSWORD, "acme", role.permissions(), false));
        }
        List<String> violations = new ArrayList<>();
        Set<String> changedAndAudited = new TreeSet<>();
        for (Caller caller : callers) {
            ConsoleSession session = new ConsoleSession(port);
            if (caller.name() != null) {
                assertThat(session.signIn(caller.name(), caller.token()).statusCode())
                        .isEqualTo(302);
            } else {
                session.get("/console/login");
            }
            for (Page page : pages()) {
                for (Side side : List.of(acme, globex)) {
                    String path = page.path().apply(side);
                    long auditBefore = caller.name() == null ? 0 : auditCount(caller.name());
                    HttpResponse<String> response = page.method().equals("GET")
                            ? session.get(path)
                            : page.upload()
                                    ? session.upload(
                                            path,
                                            page.form().apply(side),
                                            "console-" + sequence.incrementAndGet() + ".md",
                                            "# FAQ\n\nReturns within 30 days.\n".getBytes(StandardCharsets.UTF_8))
                                    : session.post(path, page.form().apply(side));
                    int expected = expectedPage(page, caller, side);
                    String where = page.method() + " " + path + " as " + caller.label();
                    int actual = response.statusCode();
                    boolean signInRedirect = actual == 302
                            && response.headers()
                                    .firstValue("Location")
                                    .orElse("")
                                    .contains("/console/login");
                    boolean ok = expected == 401
                            ? signInRedirect
                            : expected == 200
                                    ? (actual == 200 || (actual == 302 && !signInRedirect))
                                    : actual == expected;
                    if (!ok) {
                        violations.add(where + ": expected " + expected + ", got " + actual);
                        continue;
                    }
                    if (expected == 200 && !page.method().equals("GET")) {
                        if (auditCount(caller.name()) <= auditBefore) {
                            violations.add(where + ": changed something without an audit record");
                        } else {
                            changedAndAudited.add(page.method() + " " + page.pattern());
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
        Set<String> posts = new TreeSet<>();
        pages().stream().filter(p -> !p.method().equals("GET")).forEach(p -> posts.add(p.method() + " " + p.pattern()));
        assertThat(changedAndAudited)
                .as("every console change succeeded and was audited")
                .isEqualTo(posts);
    }

    private static int expectedPage(Page page, Caller caller, Side side) {
        if (caller.name() == null) {
            return 401;
        }
        if (caller.platform()) {
            return 200;
        }
        if (!caller.tenant().equals(side.slug())) {
            return 404;
        }
        // A platform-only page (no permission a tenant role can hold) refuses every tenant caller.
        return page.permission() != null && caller.permissions().contains(page.permission()) ? 200 : 403;
    }

    private static Page page(String method, String pattern, Permission permission, Function<Side, String> path) {
        return new Page(method, pattern, permission, path, s -> Map.of(), false);
    }

    private static Page post(
            String pattern,
            Permission permission,
            Function<Side, String> path,
            Function<Side, Map<String, String>> form) {
        return new Page("POST", pattern, permission, path, form, false);
    }

    record Page(
            String method,
            String pattern,
            Permission permission,
            Function<Side, String> path,
            Function<Side, Map<String, String>> form,
            boolean upload) {}

    @Test
    void aSuspendedTenantIsRefusedSignInApiConsoleAndChannelsWhilePlatformAdminsKeepAccess() {
        Side initech = side("initech-" + sequence.incrementAndGet());
        String admin = email(initech.slug(), Role.TENANT_ADMIN);
        String token = client.login(admin, PASSWORD);
        String key = AdminClient.read(client.send(
                                "POST",
                                "/api/v1/tenants/" + initech.slug() + "/api-keys",
                                Map.of("name", "ops", "scopes", List.of("conversations:read")),
                                token)
                        .body())
                .get("key")
                .asText();
        ConsoleSession console = new ConsoleSession(port);
        console.signIn(admin, PASSWORD);
        String root = client.login(PLATFORM_ADMIN, PASSWORD);
        String tenantPath = "/api/v1/tenants/" + initech.slug();

        assertThat(client.send("PATCH", tenantPath, Map.of("status", "suspended"), root)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> signIn =
                client.send("POST", "/api/v1/auth/login", Map.of("email", admin, "password", PASSWORD), null);
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(signIn.body()).contains("tenant-suspended").contains("suspended");
        assertThat(client.send("GET", tenantPath, null, token).statusCode()).isEqualTo(403);
        assertThat(client.send("GET", "/api/v1/me", null, token).statusCode()).isEqualTo(403);
        assertThat(client.send("GET", tenantPath + "/conversations", null, key).statusCode())
                .isEqualTo(403);
        HttpResponse<String> page = console.get("/console/t/" + initech.slug());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?suspended"));
        assertThat(new ConsoleSession(port).signIn(admin, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?suspended"));
        HttpResponse<String> webhook =
                client.send("POST", "/channels/webhook/" + initech.slug() + "-web", Map.of("text", "hi"), "any");
        assertThat(webhook.statusCode()).isEqualTo(403);
        assertThat(webhook.body()).contains("tenant-suspended");
        assertThat(client.send("GET", tenantPath, null, root).statusCode())
                .as("platform admins keep access")
                .isEqualTo(200);

        client.send("PATCH", tenantPath, Map.of("status", "active"), root);
        assertThat(client.send("GET", tenantPath, null, client.login(admin, PASSWORD))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void disablingAUserEndsTheirConsoleSessionAndTokensAtOnce() {
        String userId = acme.freshUser();
        String email = emailOf(userId);
        ConsoleSession session = new ConsoleSession(port);
        session.signIn(email, PASSWORD);
        String token = client.login(email, PASSWORD);
        assertThat(session.get("/console/t/acme/conversations").statusCode()).isEqualTo(200);

        assertThat(client.send("DELETE", "/api/v1/tenants/acme/users/" + userId, null, adminToken())
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> next = session.get("/console/t/acme/conversations");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?ended"));
        assertThat(session.get("/console/t/acme/conversations").statusCode())
                .as("the session is gone, not just refused once")
                .isEqualTo(302);
        assertThat(client.send("GET", "/api/v1/me", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void changingAUsersRoleEndsTheirSessionsSoTheOldRoleActsNoMore() {
        String userId = acme.freshManager();
        String email = emailOf(userId);
        ConsoleSession session = new ConsoleSession(port);
        session.signIn(email, PASSWORD);
        String token = client.login(email, PASSWORD);
        assertThat(session.get("/console/t/acme/assistants").statusCode()).isEqualTo(200);

        assertThat(client.send("PATCH", "/api/v1/tenants/acme/users/" + userId, Map.of("role", "USER"), adminToken())
                        .statusCode())
                .isEqualTo(200);

        assertThat(session.get("/console/t/acme/assistants").statusCode()).isEqualTo(302);
        assertThat(client.send("GET", "/api/v1/tenants/acme/assistants", null, token)
                        .statusCode())
                .isEqualTo(401);
        String fresh = client.login(email, PASSWORD);
        assertThat(client.send("GET", "/api/v1/tenants/acme/assistants", null, fresh)
                        .statusCode())
                .as("signed in again, the new role applies")
                .isEqualTo(403);
    }

    @Test
    void nobodyKeyOrUserGrantsARoleOrScopeBeyondWhatTheyHold() {
        String usersOnly = key(List.of("users:manage"));
        String usersAndRead = key(List.of("users:manage", "tenant:read", "conversations:read", "reports:read"));
        Map<String, Object> admin = Map.of(
                "email",
                "escalate" + sequence.incrementAndGet() + "@acme.test",
                "name",
                "Escalation",
                "password",
                PASSWORD,
                "role",
                "TENANT_ADMIN");

        assertThat(client.send("POST", "/api/v1/tenants/acme/users", admin, usersOnly)
                        .statusCode())
                .as("a key holding users:manage alone creates no tenant admin")
                .isEqualTo(403);
        assertThat(client.send("POST", "/api/v1/tenants/acme/users", admin, usersAndRead)
                        .statusCode())
                .isEqualTo(403);
        Map<String, Object> viewer = Map.of(
                "email",
                "viewer" + sequence.incrementAndGet() + "@acme.test",
                "name",
                "Viewer",
                "password",
                PASSWORD,
                "role",
                "USER");
        assertThat(client.send("POST", "/api/v1/tenants/acme/users", viewer, usersAndRead)
                        .statusCode())
                .as("a key holding every permission of the user role may invite a user")
                .isEqualTo(201);
        String someone = acme.freshUser();
        assertThat(client.send(
                                "PATCH",
                                "/api/v1/tenants/acme/users/" + someone,
                                Map.of("role", "TENANT_ADMIN"),
                                usersAndRead)
                        .statusCode())
                .as("nor promote a user past what it holds")
                .isEqualTo(403);
        assertThat(client.send("DELETE", "/api/v1/tenants/acme/users/" + tenantAdminId(), null, usersAndRead)
                        .statusCode())
                .as("nor disable someone holding more than it does")
                .isEqualTo(403);
        assertThat(client.send(
                                "POST",
                                "/api/v1/tenants/acme/api-keys",
                                Map.of("name", "wider", "scopes", List.of("keys:manage", "audit:read")),
                                key(List.of("keys:manage")))
                        .statusCode())
                .as("a key mints no key wider than itself")
                .isEqualTo(400);
    }

    @Test
    void aTenantKeepsItsLastActiveTenantAdmin() {
        Side lonely = side("lonely-" + sequence.incrementAndGet());
        String root = client.login(PLATFORM_ADMIN, PASSWORD);
        String adminId = users.list(lonely.tenant).stream()
                .filter(u -> u.role() == Role.TENANT_ADMIN)
                .findFirst()
                .orElseThrow()
                .id();

        HttpResponse<String> refused =
                client.send("DELETE", "/api/v1/tenants/" + lonely.slug() + "/users/" + adminId, null, root);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("at least one active tenant admin");
    }

    private String adminToken() {
        return client.login(email("acme", Role.TENANT_ADMIN), PASSWORD);
    }

    private String key(List<String> scopes) {
        return AdminClient.read(client.send(
                                "POST",
                                "/api/v1/tenants/acme/api-keys",
                                Map.of("name", "scoped " + sequence.incrementAndGet(), "scopes", scopes),
                                adminToken())
                        .body())
                .get("key")
                .asText();
    }

    private String emailOf(String userId) {
        return users.list(acme.tenant).stream()
                .filter(u -> u.id().equals(userId))
                .findFirst()
                .orElseThrow()
                .email();
    }

    private String tenantAdminId() {
        return users.list(acme.tenant).stream()
                .filter(u -> u.email().equals(email("acme", Role.TENANT_ADMIN)))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private int expected(Endpoint endpoint, Caller caller, Side side) {
        if (caller.token() == null) {
            return 401;
        }
        if (caller.platform()) {
            return 200;
        }
        if (endpoint.tenantScoped() && !caller.tenant().equals(side.slug())) {
            return 404;
        }
        if (endpoint.open()) {
            return 200;
        }
        Permission needed = endpoint.permission();
        return needed != null && caller.permissions().contains(needed) ? 200 : 403;
    }

    private static boolean matches(int expected, int actual) {
        return expected == 200 ? isSuccess(actual) : expected == actual;
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String withoutInstance(String body) {
        JsonNode node = AdminClient.read(body);
        if (node instanceof ObjectNode object) {
            object.remove("instance");
        }
        return node.toString();
    }

    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", null, null, null, Set.of(), false));
        callers.add(new Caller(
                "platform admin", PLATFORM_ADMIN, client.login(PLATFORM_ADMIN, PASSWORD), null, Set.of(), true));
        for (Role role : List.of(Role.TENANT_ADMIN, Role.AGENT_MANAGER, Role.USER)) {
            String email = email("acme", role);
            callers.add(
                    new Caller(role.name(), email, client.login(email, PASSWORD), "acme", role.permissions(), false));
        }
        HttpResponse<String> issued = client.send(
                "POST",
                "/api/v1/tenants/acme/api-keys",
                Map.of("name", "matrix", "scopes", List.of("conversations:read", "knowledge:write", "reports:read")),
                client.login(email("acme", Role.TENANT_ADMIN), PASSWORD));
        JsonNode key = AdminClient.read(issued.body());
        callers.add(new Caller(
                "api key",
                "api-key:" + key.get("apiKey").get("prefix").asText() + " (matrix)",
                key.get("key").asText(),
                "acme",
                Set.of(Permission.CONVERSATIONS_READ, Permission.KNOWLEDGE_WRITE, Permission.REPORTS_READ),
                false));
        return callers;
    }

    private static Endpoint tenantScoped(
            String method, String pattern, Permission permission, Function<Side, Request> request) {
        return new Endpoint(method, pattern, permission, true, false, request);
    }

    private static Endpoint global(
            String method, String pattern, Permission permission, Function<Side, Request> request) {
        return new Endpoint(method, pattern, permission, false, false, request);
    }

    private static Request req(String path) {
        return new Request(path, null);
    }

    private static Request req(String path, Object body) {
        return new Request(path, body);
    }

    record Request(String path, Object body) {}

    record Endpoint(
            String method,
            String pattern,
            Permission permission,
            boolean tenantScoped,
            boolean open,
            Function<Side, Request> request) {

        String key() {
            return method + " " + pattern;
        }

        Endpoint forEveryone() {
            return new Endpoint(method, pattern, permission, tenantScoped, true, request);
        }
    }

    /** A caller: {@code name} is the actor the audit trail records; {@code tenant} null for platform admins. */
    record Caller(
            String label, String name, String token, String tenant, Set<Permission> permissions, boolean platform) {}
}
