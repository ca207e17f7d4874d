package com.assistantgateway.gateway.channels;

import com.assistantgateway.gateway.GatewayApplication;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway on embedded defaults, shared by the channel tests (same configuration, so Spring starts it once), with
 * each channel's real protocol peer in process: GreenMail for IMAP, POP3 and SMTP, a local server speaking Twilio's REST
 * API, and a Kafka broker.
 */
@CamelSpringBootTest
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ChannelsTestSupport {

    static final String DEMO_MAILBOX = "support@demo-parts.example";
    static final String DEMO_MAIL_PASSWORD = "mailbox-secret";

    /** Twilio signs webhooks over the URL it called; behind a proxy that is the public one, not ours. */
    static final String PUBLIC_BASE_URL = "https://gateway.demo-parts.example";

    static final GreenMail mailServer = startMailServer();
    static final FakeTwilioApi twilioApi = new FakeTwilioApi();
    static final EmbeddedKafkaKraftBroker kafka = startKafka();
    static final Path dataDir = tempDir();

    @DynamicPropertySource
    static void channelPeers(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.demo.email.address", () -> DEMO_MAILBOX);
        registry.add("gateway.demo.email.password", () -> DEMO_MAIL_PASSWORD);
        registry.add("gateway.demo.email.imap-port", () -> mailServer.getImap().getPort());
        registry.add("gateway.demo.email.smtp-port", () -> mailServer.getSmtp().getPort());
        registry.add("gateway.demo.email.poll-millis", () -> "200");
        registry.add("gateway.adapters.twilio.api-base-url", twilioApi::baseUrl);
        registry.add("gateway.adapters.twilio.public-base-url", () -> PUBLIC_BASE_URL);
        registry.add("gateway.adapters.twilio.account-sid", () -> "ACplatform0000000000000000000000000");
        registry.add("gateway.adapters.twilio.auth-token", () -> "platform-token");
        registry.add("gateway.adapters.kafka.brokers", kafka::getBrokersAsString);
        registry.add("gateway.adapters.kafka.events.enabled", () -> "true");
        // A third of the default, so an outage longer than it (WebchatBrowserTest) need not last half a minute.
        registry.add("gateway.adapters.webchat.heartbeat", () -> "5s");
    }

    private static GreenMail startMailServer() {
        GreenMail server = new GreenMail(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.POP3.dynamicPort()
        });
        server.start();
        server.setUser(DEMO_MAILBOX, DEMO_MAILBOX, DEMO_MAIL_PASSWORD);
        return server;
    }

    /** A real Kafka broker in KRaft mode, in process (Kafka's own test kit through spring-kafka-test). */
    private static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(
                1, 1, KafkaChannelTest.QUESTIONS, KafkaChannelTest.ANSWERS, "gateway.events");
        broker.afterPropertiesSet();
        return broker;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gateway-channels");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
