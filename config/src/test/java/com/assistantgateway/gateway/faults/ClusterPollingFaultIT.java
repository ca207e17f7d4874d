package com.assistantgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assistantgateway.adapters.email.EmailBinding;
import com.assistantgateway.adapters.webhook.WebhookBinding;
import com.assistantgateway.gateway.GatewayClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster is one system: a tenant and its bindings created through one instance are served by the other within the
 * sync interval, files uploaded to one are ingested by either, a mailbox is polled by exactly one instance, and when
 * that instance is killed the other takes the mailbox over. Both on the embedded index, health says so.
 */
class ClusterPollingFaultIT {

    static final String MAILBOX = "support@acme.example";
    static final String MAILBOX_PASSWORD = "mailbox-secret";
    static final String HOOK_TOKEN = "acme-hook-token";

    @TempDir
    Path work;

    @Test
    void aMailboxCreatedOnOneInstanceIsPolledByExactlyOneAndMovesWhenItsOwnerIsKilled() throws Exception {
        assumeTrue(Cluster.server() != null, "GATEWAY_TEST_MYSQL_URL names no MySQL/MariaDB server");
        GreenMail mail = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
        try (Cluster cluster = new Cluster("cluster-polling", work)) {
            String[] localMail = {"--gateway.routes.outbound.allow-private-targets=true"};
            GatewayProcess a = cluster.instance("a", localMail).start();
            GatewayProcess b = cluster.instance("b", localMail).start();

            // Two instances on the embedded (instance-local) knowledge index: health and log say so, loudly.
            await().atMost(Duration.ofSeconds(90)).until(() -> healthStatus(a).equals("DEGRADED"));
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> b.log().contains("instances share this database, but the embedded knowledge index"));

            AdminApi onA = AdminApi.signIn(() -> a.url(""), Cluster.ADMIN_EMAIL, Cluster.ADMIN_PASSWORD);
            onA.post(
                    "/api/v1/tenants",
                    Map.of(
                            "slug", "acme",
                            "name", "Acme",
                            "plan", "trial",
                            "admin",
                                    Map.of(
                                            "email", "admin@acme.example",
                                            "name", "Acme Admin",
                                            "password", "acme-admin-password",
                                            "role", "TENANT_ADMIN")));
            onA.post("/api/v1/tenants/acme/assistants", Map.of("id", "echo", "type", "echo", "name", "Echo"));
            onA.post(
                    "/api/v1/tenants/acme/bindings",
                    Map.of(
                            "id",
                            "hook",
                            "assistantId",
                            "echo",
                            "channel",
                            WebhookBinding.CHANNEL,
                            "inboundKey",
                            "acme-hook",
                            "settings",
                            Map.of(),
                            "credentials",
                            WebhookBinding.credentials(HOOK_TOKEN, null)));
            Map<String, String> mailSettings = new LinkedHashMap<>(EmailBinding.settings(
                    "imap",
                    "localhost",
                    mail.getImap().getPort(),
                    "smtp",
                    "localhost",
                    mail.getSmtp().getPort()));
            mailSettings.put(EmailBinding.POLL_MILLIS, "500");
            onA.post(
                    "/api/v1/tenants/acme/bindings",
                    Map.of(
                            "id",
                            "mail",
                            "assistantId",
                            "echo",
                            "channel",
                            EmailBinding.CHANNEL,
                            "inboundKey",
                            MAILBOX,
                            "settings",
                            mailSettings,
                            "credentials",
                            EmailBinding.credentials(MAILBOX, MAILBOX_PASSWORD)));

            // The tenant created on a is processed on b: its processor started there with the next sync.
            GatewayClient onB = new GatewayClient(b.port);
            String messageId = GatewayClient.read(await().atMost(Duration.ofSeconds(30))
                            .until(() -> onB.ask("acme-hook", HOOK_TOKEN, "Hello from b"), r -> r.statusCode() == 202)
                            .body())
                    .get("messageId")
                    .asText();
            assertThat(onB.awaitAnswer("acme-hook", HOOK_TOKEN, messageId)
                            .at("/reply/text")
                            .asText())
                    .contains("Hello from b");

            // A limit set on one instance holds across both: 20 a minute, whichever instance the messages reach.
            onA.put("/api/v1/tenants/acme/limits", Map.of("messagesPerMinute", 20, "senderMessagesPerMinute", 0));
            AdminApi onBLimits = AdminApi.signIn(() -> b.url(""), Cluster.ADMIN_EMAIL, Cluster.ADMIN_PASSWORD);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> onBLimits
                                    .get("/api/v1/tenants/acme/limits")
                                    .path("messagesPerMinute")
                                    .asLong()
                            == 20);
            GatewayClient onAHook = new GatewayClient(a.port);
            int accepted = 0;
            List<String> waits = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                java.net.http.HttpResponse<String> response =
                        (i % 2 == 0 ? onAHook : onB).ask("acme-hook", HOOK_TOKEN, "limited " + i);
                if (response.statusCode() == 202) {
                    accepted++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                    waits.add(response.headers().firstValue("Retry-After").orElse("none"));
                }
            }
            // The allowance refills one every 3 s while the 40 are sent: at most a couple more than 20 pass.
            assertThat(accepted).isBetween(20, 23);
            System.out.println("rate limit of 20 a minute on two instances: " + accepted + " of 40 accepted");
            assertThat(waits).hasSize(40 - accepted).allMatch(wait -> wait.matches("[1-9][0-9]*"));
            onA.delete("/api/v1/tenants/acme/limits");

            // Files uploaded on a are ingested by whichever instance takes the job: every one of them is found.
            onA.post("/api/v1/tenants/acme/assistants", Map.of("id", "support", "type", "support", "name", "Support"));
            List<String> uploaded = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                uploaded.add(onA.upload(
                                "/api/v1/tenants/acme/assistants/support/knowledge",
                                "policy-" + i + ".md",
                                "text/markdown",
                                ("# Policy " + i + "\n\nReturns within " + (10 + i) + " days.\n").getBytes())
                        .get("id")
                        .asText());
            }
            AdminApi onBAdmin = AdminApi.signIn(() -> b.url(""), Cluster.ADMIN_EMAIL, Cluster.ADMIN_PASSWORD);
            await().atMost(Duration.ofSeconds(90)).until(() -> uploaded.stream()
                    .map(id -> onBAdmin.get("/api/v1/tenants/acme/assistants/support/knowledge/" + id)
                            .path("status")
                            .asText())
                    .allMatch("ready"::equals));

            // Exactly one instance polls the mailbox; the other says another instance does.
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> List.of(mailState(onA), mailState(onBAdmin)),
                            states -> states.contains("running") && states.contains("elsewhere"));
            boolean aOwns = mailState(onA).equals("running");
            GatewayProcess owner = aOwns ? a : b;
            AdminApi survivor = aOwns ? onBAdmin : onA;

            GreenMailUtil.sendTextEmail(
                    MAILBOX,
                    "ann@customer.example",
                    "Order 1",
                    "Where is order 1?",
                    mail.getSmtp().getServerSetup());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> repliesTo(mail, "ann@customer.example").size() == 1);

            owner.kill();
            await().atMost(Duration.ofSeconds(45))
                    .until(() -> mailState(survivor).equals("running"));
            GreenMailUtil.sendTextEmail(
                    MAILBOX,
                    "bob@customer.example",
                    "Order 2",
                    "Where is order 2?",
                    mail.getSmtp().getServerSetup());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> repliesTo(mail, "bob@customer.example").size() == 1);

            assertThat(repliesTo(mail, "ann@customer.example")).hasSize(1);
            assertThat(repliesTo(mail, "bob@customer.example"))
                    .singleElement()
                    .satisfies(reply -> assertThat(reply.getSubject()).isEqualTo("Re: Order 2"));
        } finally {
            mail.stop();
        }
    }

    private static String healthStatus(GatewayProcess instance) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(instance.url("/actuator/health")))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return GatewayClient.read(response.body()).path("status").asText();
    }

    private static String mailState(AdminApi admin) {
        JsonNode binding = admin.get("/api/v1/tenants/acme/bindings/mail");
        return binding.at("/connection/state").asText();
    }

    private static List<MimeMessage> repliesTo(GreenMail mail, String customer) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(to -> to.toString().contains(customer));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }
}
