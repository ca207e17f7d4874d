package com.assistantgateway.routes.backbone;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Backbone settings ({@code gateway.routes.*}).
 *
 * @param processorConcurrency consumers per tenant processor; messages of one conversation stay ordered regardless
 * @param historyLimit how many earlier messages of a conversation an assistant sees
 * @param redelivery how the broker retries a rolled-back message before dead-lettering it
 * @param recovery how stored messages whose enqueue was never confirmed are enqueued again
 * @param bindingSync how often each instance brings its channel routes in line with bindings changed on other instances
 * @param outbound what addresses tenant settings may make the gateway connect to
 * @param polling how polling bindings (mailboxes, crawls) are shared out between the instances of a cluster
 * @param ingestConcurrency knowledge ingestion jobs run at once on each instance: their embeddings take turns on the
 *     cores while others wait for the store commit they share (16 rather than 8: each commit holds twice the passages,
 *     so the index makes fewer files and merges; see BENCHMARKS.md)
 */
@Validated
@ConfigurationProperties("gateway.routes")
public record RoutesProperties(
        @DefaultValue("2") @Min(1) int processorConcurrency,
        @DefaultValue("10") @Min(0) int historyLimit,
        @Valid @NotNull @DefaultValue Redelivery redelivery,
        @Valid @NotNull @DefaultValue Recovery recovery,
        @NotNull @DefaultValue("30s") Duration bindingSync,
        @Valid @NotNull @DefaultValue Outbound outbound,
        @Valid @NotNull @DefaultValue Polling polling,
        @DefaultValue("16") @Min(1) int ingestConcurrency) {

    /**
     * @param groups polling bindings fall into this many groups by a hash of tenant and binding; each group is owned
     *     by one instance at a time, elected through the cluster service, so more groups spread the polling wider
     */
    public record Polling(@DefaultValue("4") @Min(1) int groups) {}

    /**
     * @param initialDelay delay before the first redelivery
     * @param multiplier backoff factor between attempts
     * @param maxDelay cap on the delay
     * @param maxAttempts deliveries before the message goes to its dead-letter queue
     */
    public record Redelivery(
            @DefaultValue("1s") @NotNull Duration initialDelay,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("5m") @NotNull Duration maxDelay,
            @DefaultValue("8") @Min(1) int maxAttempts) {}

    /**
     * @param interval how often the sweep runs
     * @param age how long a message must have been unconfirmed; far longer than a commit takes, so a message whose
     *     send is still committing (on this or another instance) is never enqueued twice
     * @param batch messages per tenant and sweep
     */
    public record Recovery(
            @DefaultValue("30s") @NotNull Duration interval,
            @DefaultValue("1m") @NotNull Duration age,
            @DefaultValue("100") @Min(1) int batch) {}

    /**
     * Where tenant settings (callback and notification URLs, crawl URLs, an assistant's LLM endpoint, mail servers)
     * may make the gateway connect: checked when a setting is saved and again on every connection, redirect included.
     *
     * @param allowPrivateTargets whether those may be loopback, private, link-local or other non-public addresses
     *     (the embedded demo calls back to localhost); off in production, against server-side request forgery
     * @param allowedNetworks non-public address blocks tenants may still reach, in CIDR notation (a company's own LLM
     *     gateway on {@code 10.1.2.0/24}, say), when private targets are not allowed as a whole
     * @param allowPlainHttp whether {@code http:} URLs are accepted besides {@code https:} (the embedded demo)
     * @param connectTimeout connecting to a tenant's target
     * @param responseTimeout waiting for a tenant's target to answer (a callback, a crawled page)
     * @param maxConnections open connections to tenants' targets, in all
     */
    public record Outbound(
            @DefaultValue("false") boolean allowPrivateTargets,
            @DefaultValue List<String> allowedNetworks,
            @DefaultValue("false") boolean allowPlainHttp,
            @DefaultValue("10s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration responseTimeout,
            @DefaultValue("200") @Min(1) int maxConnections) {

        /** Production defaults: public https targets only. */
        public static Outbound publicHttpsOnly() {
            return new Outbound(false, List.of(), false, Duration.ofSeconds(10), Duration.ofSeconds(10), 200);
        }
    }
}
