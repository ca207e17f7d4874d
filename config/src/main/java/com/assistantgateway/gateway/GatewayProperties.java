package com.assistantgateway.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The runnable gateway's own settings ({@code gateway.*}).
 *
 * @param dataDir where the embedded profile keeps its database, broker journal and vector index
 * @param demo the demo tenant of the embedded profile
 * @param broker the broker client's failure handling
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @NotNull @DefaultValue Demo demo,
        @Valid @NotNull @DefaultValue Broker broker) {

    /**
     * How the gateway's broker client behaves when the broker is away (applied over the broker URL's own options):
     * a request then fails within about {@code callTimeout} instead of waiting out Artemis' client defaults (30 s
     * calls, 2 s between connection attempts).
     *
     * @param callTimeout longest wait for the broker to confirm a send or commit
     * @param retryInterval pause between attempts to (re)connect
     * @param clientFailureCheckPeriod how often the client checks that a silent broker is still there
     * @param connectionTtl how long a connection may stay silent before either side drops it
     */
    public record Broker(
            @NotNull @DefaultValue("5s") Duration callTimeout,
            @NotNull @DefaultValue("100ms") Duration retryInterval,
            @NotNull @DefaultValue("2s") Duration clientFailureCheckPeriod,
            @NotNull @DefaultValue("6s") Duration connectionTtl) {}

    /**
     * @param enabled seed the demo tenant on first start
     * @param token bearer token of the demo webhook binding
     * @param signingSecret HMAC secret of the demo webhook binding (signed requests and callbacks)
     * @param callbackUrl where replies are POSTed, if set
     * @param password of the demo's console users, one per role (see README, "Console")
     * @param email a mailbox the demo support assistant answers, if {@code address} is set
     * @param webchatOrigins origins of pages allowed to embed the demo's web chat widget (the hosted page always works)
     */
    public record Demo(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("demo-token") String token,
            @DefaultValue("demo-secret") String signingSecret,
            @DefaultValue("") String callbackUrl,
            @NotBlank @DefaultValue("demo-password") String password,
            @Valid @NotNull @DefaultValue Email email,
            @NotNull @DefaultValue("http://localhost:8080,http://127.0.0.1:8080") String webchatOrigins) {}

    /**
     * The demo's email binding (see README, "Email"): any IMAP/SMTP server, e.g. GreenMail from docker-compose.
     *
     * @param address the mailbox customers write to; empty for no email binding
     * @param username login for IMAP and SMTP; the address when empty
     * @param password login password (set it from the environment: GATEWAY_DEMO_EMAIL_PASSWORD)
     */
    public record Email(
            @DefaultValue("") String address,
            @DefaultValue("imap") String imapProtocol,
            @DefaultValue("localhost") String imapHost,
            @DefaultValue("3143") int imapPort,
            @DefaultValue("smtp") String smtpProtocol,
            @DefaultValue("localhost") String smtpHost,
            @DefaultValue("3025") int smtpPort,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("2000") long pollMillis) {

        public boolean configured() {
            return !address.isBlank();
        }
    }
}
