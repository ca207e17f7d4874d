package com.assistantgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assistantgateway.adapters.email.EmailBinding;
import com.assistantgateway.adapters.twilio.TwilioBinding;
import com.assistantgateway.adapters.webhook.WebhookBinding;
import com.assistantgateway.gateway.GatewayClient;
import com.assistantgateway.gateway.Mailboxes;
import com.assistantgateway.gateway.channels.FakeTwilioApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * sync interval, limits hold across both (a webhook's refusals; an SMS sender's held turns and a number's outbound
 * pace; a mail held for the allowance the other instance used), files uploaded to one are ingested by either, an
 * answer policy saved on one governs the other, handed-over conversations from both never overfill an agent and each
 * response timer is warned of once, a mailbox is polled by exactly one instance, and when that instance is killed the
 * other takes the mailbox over. Both on the embedded index, health says so.
 */
class ClusterPollingFaultIT {

    static final String MAILBOX = "support@acme.example";
    static final String MAILBOX_PASSWORD = "mailbox-secret";
    static final String HOOK_TOKEN = "acme-hook-token";
    static final String TWILIO_ACCOUNT = "ACacme000000000000000000000000000";
    static final String TWILIO_TOKEN = "acme-subaccount-token";
    static final String TWILIO_NUMBER = "+15558675320";
    static final String TWILIO_PUBLIC_URL = "https://gateway.acme.example";

    @TempDir
    Path work;

    @Test
    void aMailboxCreatedOnOneInstanceIsPolledByExactlyOneAndMovesWhenItsOwnerIsKilled() throws Exception {
        assumeTrue(Cluster.server() != null, "GATEWAY_TEST_MYSQL_URL names no MySQL/MariaDB server");
        GreenMail mail = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
        try (Cluster cluster = new Cluster("cluster-polling", work);
                FakeTwilioApi twilio = new FakeTwilioApi()) {
            String[] localPeers = {
                "--gateway.routes.outbound.allow-private-targets=true",
                "--gateway.adapters.twilio.api-base-url=" + twilio.baseUrl(),
                "--gateway.adapters.twilio.public-base-url=" + TWILIO_PUBLIC_URL,
                "--gateway.adapters.twilio.account-sid=ACplatform0000000000000000000000000",
                "--gateway.adapters.twilio.auth-token=platform-token",
                // Every handed-over conversation is due within the warning window at once, and both instances
                // sweep the response timers every second.
                "--gateway.admin.handover.warn-before=1h",
                "--gateway.admin.handover.sweep=1s"
            };
            GatewayProcess a = cluster.instance("a", localPeers).start();
            GatewayProcess b = cluster.instance("b", localPeers).start();

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
            AdminApi onBLimits = AdminApi.signIn(() -> b.url(""), Cluster.ADMIN_EMAIL, Cluster.ADMIN_PASSWORD);
            limitAcme(onA, onBLimits, 20, 0);
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

            smsHeldTurnsAndOneNumbersPaceHoldAcrossInstances(a, b, onA, onBLimits, twilio);

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

            aPolicySavedOnOneInstanceGovernsTheOtherNoAgentIsOverfilledAndEachTimerIsWarnedOfOnce(a, b, onA, onBAdmin);

            // Exactly one instance polls the mailbox; the other says another instance does.
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> List.of(mailState(onA), mailState(onBAdmin)),
                            states -> states.contains("running") && states.contains("elsewhere"));
            boolean aOwns = mailState(onA).equals("running");
            GatewayProcess owner = aOwns ? a : b;
            AdminApi survivor = aOwns ? onBAdmin : onA;
            mailHeldWhileTheOtherInstanceUsedTheTenantsAllowance(mail, onA, onBAdmin, aOwns ? onB : onAHook);

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

    /**
     * A tenant's allowance used up through the instance that does not poll the mailbox holds the mail the other one
     * meets: it stays unseen on the server, and is answered once the limit is lifted. With an allowance per instance,
     * the owner would have answered it at once.
     */
    private static void mailHeldWhileTheOtherInstanceUsedTheTenantsAllowance(
            GreenMail mail, AdminApi onA, AdminApi onBAdmin, GatewayClient otherHook) throws Exception {
        limitAcme(onA, onBAdmin, 1, 0);
        assertThat(otherHook
                        .ask("acme-hook", HOOK_TOKEN, "the minute's one message")
                        .statusCode())
                .isEqualTo(202);
        GreenMailUtil.sendTextEmail(
                MAILBOX,
                "cat@customer.example",
                "Order 3",
                "Where is order 3?",
                mail.getSmtp().getServerSetup());
        // The next message's turn is a minute away: the owner, polling every 500 ms, meets the mail some ten times
        // in five seconds and leaves it there each time, unanswered and unread.
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(8))
                .until(() -> repliesTo(mail, "cat@customer.example").isEmpty()
                        && unseenFrom(mail, "cat@customer.example") == 1);

        onA.delete("/api/v1/tenants/acme/limits");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> repliesTo(mail, "cat@customer.example").size() == 1);
        assertThat(unseenFrom(mail, "cat@customer.example")).isZero();
    }

    /**
     * Sets tenant acme's limits through one instance and waits until the other applies them: its answer comes from
     * the limits it counts with, which it reads again once its cache (gateway.admin.limits.cache) has run out.
     */
    private static void limitAcme(AdminApi setter, AdminApi other, int messagesPerMinute, int senderMessagesPerMinute) {
        setter.put(
                "/api/v1/tenants/acme/limits",
                Map.of("messagesPerMinute", messagesPerMinute, "senderMessagesPerMinute", senderMessagesPerMinute));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode applied = other.get("/api/v1/tenants/acme/limits");
            return applied.path("messagesPerMinute").asLong() == messagesPerMinute
                    && applied.path("senderMessagesPerMinute").asLong() == senderMessagesPerMinute;
        });
    }

    private static long unseenFrom(GreenMail mail, String sender) throws Exception {
        return Mailboxes.unseenFrom(mail, MAILBOX, sender);
    }

    /**
     * An SMS over its sender's limit is acknowledged (Twilio does not retry a refused webhook) and held for its turn,
     * whichever instance it reached: six a minute from one customer, eight sent half to each instance.
     */
    private static void smsHeldTurnsAndOneNumbersPaceHoldAcrossInstances(
            GatewayProcess a, GatewayProcess b, AdminApi onA, AdminApi onB, FakeTwilioApi twilio) {
        onA.post(
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        "sms",
                        "assistantId",
                        "echo",
                        "channel",
                        TwilioBinding.SMS,
                        "inboundKey",
                        "acme-sms",
                        "settings",
                        TwilioBinding.settings(TWILIO_ACCOUNT, TWILIO_NUMBER),
                        "credentials",
                        TwilioBinding.credentials(TWILIO_TOKEN)));
        limitAcme(onA, onB, 0, 6);
        String customer = "+15551230001";
        List<String> texts = new java.util.ArrayList<>();
        long sentNanos = System.nanoTime();
        for (int i = 1; i <= 8; i++) {
            String text = "Question " + i + " by SMS";
            texts.add(text);
            Map<String, String> form = FakeTwilioApi.webhook("inbound_sms", TWILIO_ACCOUNT, customer, text);
            GatewayProcess to = i % 2 == 1 ? a : b;
            // b serves the binding once its registry has synchronized; until then it answers 404 and stores
            // nothing.
            java.net.http.HttpResponse<String> response = await().atMost(Duration.ofSeconds(30))
                    .until(() -> twilioWebhook(to, form), r -> r.statusCode() != 404);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        }
        List<FakeTwilioApi.Create> smsReplies = await().atMost(Duration.ofSeconds(60))
                .until(() -> twilio.createsTo(customer), list -> list.size() >= 8);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> twilio.createsTo(customer).size() == 8);
        assertThat(smsReplies)
                .extracting(reply -> texts.stream()
                        .filter(reply.param("Body")::contains)
                        .findFirst()
                        .orElse(reply.param("Body")))
                .containsExactlyInAnyOrderElementsOf(texts);
        List<Long> arrivals = smsReplies.stream()
                .map(reply -> reply.arrivedNanos() - sentNanos)
                .sorted()
                .toList();
        System.out.println("SMS replies on two instances, ms after the first was sent: "
                + arrivals.stream().map(nanos -> nanos / 1_000_000).toList());
        // Six went at once; the seventh and eighth waited for the shared allowance: one every ten seconds. With an
        // allowance per instance (four each), all eight would have gone within the number's pace of seven seconds.
        assertThat(Duration.ofNanos(arrivals.get(7))).isGreaterThanOrEqualTo(Duration.ofSeconds(18));
        // And one number's replies keep its pace of one a second, whichever instance delivers them: the six sent at
        // once span five seconds (less the first call's slower connection), and no two arrive together. Each instance
        // pacing on its own would have sent two a second.
        assertThat(Duration.ofNanos(arrivals.get(5) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(4500));
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
        onA.delete("/api/v1/tenants/acme/limits");
    }

    /**
     * A policy saved on one instance governs both instances' answers within their cache (5 s): refund questions go
     * to a person. Handed-over conversations arriving on both instances at once are given to agents without
     * overfilling any.
     */
    private static void aPolicySavedOnOneInstanceGovernsTheOtherNoAgentIsOverfilledAndEachTimerIsWarnedOfOnce(
            GatewayProcess a, GatewayProcess b, AdminApi onA, AdminApi onBAdmin) {
        GatewayClient onAHook = new GatewayClient(a.port);
        GatewayClient onB = new GatewayClient(b.port);
        // A refund question answered before the save is not handed over: the policy is what changes that.
        onA.post(
                "/api/v1/tenants/acme/bindings",
                Map.of(
                        "id",
                        "hook-support",
                        "assistantId",
                        "support",
                        "channel",
                        WebhookBinding.CHANNEL,
                        "inboundKey",
                        "acme-support",
                        "settings",
                        Map.of(),
                        "credentials",
                        WebhookBinding.credentials(HOOK_TOKEN, null)));
        String before = await().atMost(Duration.ofSeconds(30))
                .until(() -> askAs(onB, "before-policy", "Can I get a refund for order 1?"), r -> r.statusCode() == 202)
                .body();
        onB.awaitAnswer(
                "acme-support",
                HOOK_TOKEN,
                GatewayClient.read(before).get("messageId").asText());
        assertThat(queueOf(onA)).noneMatch(c -> c.path("participant").asText().equals("before-policy"));
        ObjectNode policy = (ObjectNode) onA.get("/api/v1/tenants/acme/assistants/support/policy");
        policy.putArray("refusedTopics").add("refund");
        policy.put("handOverRefused", true);
        onA.put("/api/v1/tenants/acme/assistants/support/policy", policy);
        // Every instance follows it once its cache has run out (gateway.admin.registry-cache, 5 s); until then an
        // instance may still answer with the policy it read before. Waited out, not polled: nothing shows which
        // instance answers a message.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        // Then refund questions sent to both instances (either may answer each) all go to a person, at once:
        // the agents' rows are locked while assigning, so neither instance gives an agent more than their capacity
        // (two each), and each conversation is in the queue once.
        for (String agent : List.of("agent1@acme.example", "agent2@acme.example")) {
            onA.post(
                    "/api/v1/tenants/acme/users",
                    Map.of("email", agent, "name", agent, "password", "agent-password-1234", "role", "AGENT_MANAGER"));
        }
        AdminApi.signIn(() -> a.url(""), "agent1@acme.example", "agent-password-1234")
                .put("/api/v1/tenants/acme/handover/agents/me", Map.of("available", true, "capacity", 2));
        AdminApi.signIn(() -> b.url(""), "agent2@acme.example", "agent-password-1234")
                .put("/api/v1/tenants/acme/handover/agents/me", Map.of("available", true, "capacity", 2));
        List<String> customers = new java.util.ArrayList<>();
        List<String> handedOver = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String customer = "refund-" + i;
            customers.add(customer);
            handedOver.add(
                    GatewayClient.read(askAs(i % 2 == 0 ? onAHook : onB, customer, "I want a refund for order " + i)
                                    .body())
                            .get("messageId")
                            .asText());
        }
        for (int i = 0; i < handedOver.size(); i++) {
            (i % 2 == 0 ? onAHook : onB).awaitAnswer("acme-support", HOOK_TOKEN, handedOver.get(i));
        }
        List<JsonNode> queue = queueOf(onBAdmin);
        assertThat(queue)
                .extracting(c -> c.path("participant").asText())
                .doesNotHaveDuplicates()
                .containsAll(customers)
                .hasSize(10);
        Map<String, Long> perAgent = queue.stream()
                .filter(c -> c.path("status").asText().equals("agent"))
                .collect(java.util.stream.Collectors.groupingBy(
                        c -> c.path("assignee").asText(), java.util.stream.Collectors.counting()));
        assertThat(perAgent).containsOnly(Map.entry("agent1@acme.example", 2L), Map.entry("agent2@acme.example", 2L));
        // Both instances sweep the response timers; each conversation is warned of once, by whichever instance
        // claimed it, and stays so while both keep sweeping.
        List<String> conversations =
                queue.stream().map(c -> c.path("id").asText()).toList();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> responseDueWarnings(onA).keySet().containsAll(conversations));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> responseDueWarnings(onBAdmin)
                .equals(conversations.stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> 1L))));
    }

    /** How many times the audit trail shows each conversation's response timer warned of. */
    private static Map<String, Long> responseDueWarnings(AdminApi admin) {
        List<JsonNode> events = new java.util.ArrayList<>();
        admin.get("/api/v1/tenants/acme/audit?action=conversation.response-due&size=200")
                .path("items")
                .forEach(events::add);
        return events.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        e -> e.path("targetId").asText(), java.util.stream.Collectors.counting()));
    }

    private static String healthStatus(GatewayProcess instance) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(instance.url("/actuator/health")))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return GatewayClient.read(response.body()).path("status").asText();
    }

    /** A question from this customer to the support assistant's webhook: each customer is a conversation. */
    private static java.net.http.HttpResponse<String> askAs(GatewayClient instance, String customer, String text) {
        return instance.post(
                "acme-support",
                Map.of("Authorization", "Bearer " + HOOK_TOKEN),
                GatewayClient.json(Map.of("from", customer, "text", text)));
    }

    private static List<JsonNode> queueOf(AdminApi admin) {
        List<JsonNode> queue = new java.util.ArrayList<>();
        admin.get("/api/v1/tenants/acme/handover/queue").forEach(queue::add);
        return queue;
    }

    /** A webhook as Twilio sends it to the instance: form-encoded, signed over the public URL. */
    private static java.net.http.HttpResponse<String> twilioWebhook(GatewayProcess instance, Map<String, String> form)
            throws Exception {
        String path = "/channels/twilio/acme-sms/sms";
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(instance.url(path)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header(
                                        "X-Twilio-Signature",
                                        FakeTwilioApi.signature(TWILIO_TOKEN, TWILIO_PUBLIC_URL + path, form))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(FakeTwilioApi.formBody(form)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
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
