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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway on embedded defaults, shared by the channel tests (same configuration, so Spring starts it once), with
 * each channel's real protocol peer in process: GreenMail for IMAP and SMTP.
 */
@CamelSpringBootTest
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ChannelsTestSupport {

    static final String DEMO_MAILBOX = "support@demo-parts.example";
    static final String DEMO_MAIL_PASSWORD = "mailbox-secret";

    static final GreenMail mailServer = startMailServer();
    static final Path dataDir = tempDir();

    @DynamicPropertySource
    static void channelPeers(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.demo.email.address", () -> DEMO_MAILBOX);
        registry.add("gateway.demo.email.password", () -> DEMO_MAIL_PASSWORD);
        registry.add("gateway.demo.email.imap-port", () -> mailServer.getImap().getPort());
        registry.add("gateway.demo.email.smtp-port", () -> mailServer.getSmtp().getPort());
        registry.add("gateway.demo.email.poll-millis", () -> "200");
    }

    private static GreenMail startMailServer() {
        GreenMail server = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        server.start();
        server.setUser(DEMO_MAILBOX, DEMO_MAILBOX, DEMO_MAIL_PASSWORD);
        return server;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gateway-channels");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
