package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hawtio and its Jolokia bridge show the tenants' routes to platform admins, and to no one else. */
class HawtioAccessTest extends AdminTestSupport {

    private static final String ROUTES = "/actuator/jolokia/search/org.apache.camel:type=routes,*";

    @Test
    void platformAdminSeesHawtioAndEveryTenantsProcessorRoute() {
        ConsoleSession operator = new ConsoleSession(port);
        assertThat(operator.signIn(PLATFORM_ADMIN, PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> hawtio = operator.get("/actuator/hawtio/index.html");
        HttpResponse<String> routes = operator.get(ROUTES);

        assertThat(hawtio.statusCode()).isEqualTo(200);
        assertThat(hawtio.body()).containsIgnoringCase("hawtio");
        assertThat(routes.statusCode()).isEqualTo(200);
        List<String> mbeans = new ArrayList<>();
        for (JsonNode name : AdminClient.read(routes.body()).get("value")) {
            mbeans.add(name.asText());
        }
        assertThat(mbeans)
                .anyMatch(name -> name.contains("name=\"tenant.acme.assist\""))
                .anyMatch(name -> name.contains("name=\"tenant.globex.assist\""))
                .anyMatch(name -> name.contains("name=\"webhook.inbound.normalize\""));
    }

    @Test
    void tenantAdminsAndAnonymousVisitorsAreRefused() {
        ConsoleSession tenantAdmin = new ConsoleSession(port);
        assertThat(tenantAdmin
                        .signIn(email("acme", Role.TENANT_ADMIN), PASSWORD)
                        .statusCode())
                .isEqualTo(302);
        ConsoleSession anonymous = new ConsoleSession(port);

        assertThat(tenantAdmin.get("/actuator/hawtio/index.html").statusCode()).isEqualTo(403);
        assertThat(tenantAdmin.get(ROUTES).statusCode()).isEqualTo(403);
        assertThat(tenantAdmin.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        HttpResponse<String> redirected = anonymous.get("/actuator/hawtio/index.html");
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
        assertThat(anonymous.get(ROUTES).statusCode()).isEqualTo(302);
    }

    @Test
    void jolokiaRunsNoOperationFromAGetEvenWithTheOperatorsSessionButStillReadsAndTakesCsrfProtectedPosts() {
        ConsoleSession operator = new ConsoleSession(port);
        operator.signIn(PLATFORM_ADMIN, PASSWORD);
        String stop = "/actuator/jolokia/exec/org.apache.camel:context=gateway,type=routes,name=%22"
                + "backbone.bindings.sync%22/stop()";

        HttpResponse<String> viaLink = operator.get(stop);
        HttpResponse<String> viaQuery =
                operator.get("/actuator/jolokia/?p=" + stop.substring("/actuator/jolokia".length()));
        HttpResponse<String> encoded = operator.get(stop.replace("/exec/", "/ex%65c/"));
        HttpResponse<String> read = operator.get(ROUTES);
        HttpResponse<String> forged = operator.postJson("/actuator/jolokia", "{\"type\":\"version\"}", false);
        HttpResponse<String> hawtios = operator.postJson("/actuator/jolokia", "{\"type\":\"version\"}", true);

        assertThat(viaLink.statusCode()).isEqualTo(405);
        assertThat(viaQuery.statusCode()).isEqualTo(405);
        assertThat(encoded.statusCode()).isEqualTo(405);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).as("a POST without the CSRF token").isEqualTo(403);
        assertThat(hawtios.statusCode()).isEqualTo(200);
        assertThat(hawtios.body()).contains("\"agent\"");
    }

    @Test
    void wrongPasswordDoesNotSignIn() {
        ConsoleSession visitor = new ConsoleSession(port);

        HttpResponse<String> attempt = visitor.signIn(PLATFORM_ADMIN, "not the password");

        assertThat(attempt.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/console/login?error"));
        assertThat(visitor.get(ROUTES).statusCode()).isEqualTo(302);
    }
}
