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
