package com.assistantgateway.admin;

import com.assistantgateway.admin.limits.TenantLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Admin module settings ({@code gateway.admin.*}).
 *
 * @param attachmentsDir where earlier versions kept mail attachments on disk (still read from there); new ones are
 *     kept in the shared database
 * @param sourcesDir where earlier versions kept uploaded knowledge files on disk (still read from there); new ones
 *     are kept in the shared database
 * @param masterKey base64 of the 32-byte AES master key ({@code GATEWAY_MASTER_KEY}); when blank, {@code
 *     masterKeyFile} holds it
 * @param previousMasterKeys keys that only decrypt, kept until {@code POST /api/v1/platform/secrets/rotate} has
 *     re-encrypted everything under the current one
 * @param masterKeyFile created with a fresh random key on first start when no {@code masterKey} is set (the embedded
 *     default); blank to require {@code GATEWAY_MASTER_KEY}
 * @param sessionTtl how long an API login token lasts
 * @param maxUploadSize largest knowledge file accepted
 * @param publicBaseUrl where customers and tenants reach the gateway, for the inbound addresses the console shows
 * @param bootstrapAdminEmail a platform admin created at startup when no user with this address exists
 * @param bootstrapAdminPassword its password ({@code GATEWAY_ADMIN_PASSWORD}); only read from the environment
 * @param retentionSweep how often conversations past their tenant's retention are purged
 * @param cluster the leader elections instances hold in the shared database
 * @param limits inbound rate limits: by plan, and per client address
 * @param registryCache how long an instance keeps the bindings and assistants messages read; a change made on another
 *     instance shows here within this long (one made here, at once); {@code 0s} reads them on every message
 */
@Validated
@ConfigurationProperties("gateway.admin")
public record AdminProperties(
        @NotNull @DefaultValue("./data/attachments") Path attachmentsDir,
        @NotNull @DefaultValue("./data/sources") Path sourcesDir,
        String masterKey,
        @DefaultValue List<String> previousMasterKeys,
        Path masterKeyFile,
        @NotNull @DefaultValue("12h") Duration sessionTtl,
        @NotNull @DefaultValue("20MB") DataSize maxUploadSize,
        @NotNull @DefaultValue("http://localhost:8080") String publicBaseUrl,
        String bootstrapAdminEmail,
        String bootstrapAdminPassword,
        @NotNull @DefaultValue("1h") Duration retentionSweep,
        @Valid @NotNull @DefaultValue Cluster cluster,
        @Valid @NotNull @DefaultValue Limits limits,
        @NotNull @DefaultValue("5s") Duration registryCache,
        @Valid @NotNull @DefaultValue Handover handover) {

    /**
     * Leader elections (which instance polls a mailbox) as rows of {@code INT_LOCK}, Spring Integration's JDBC lock.
     *
     * @param lockTtl how long a leader's lock outlives its last renewal: a killed leader is replaced after this long
     * @param heartbeat how often a leader renews its locks, and a follower tries to take a free one
     */
    public record Cluster(
            @NotNull @DefaultValue("10s") Duration lockTtl, @NotNull @DefaultValue("1s") Duration heartbeat) {}

    /**
     * Inbound rate limits. A tenant follows its plan's unless the platform set limits for it.
     *
     * @param plans each plan's limits by plan name; a plan not listed has none
     * @param clientMessagesPerMinute requests one client address may send to the public channel endpoints; 0 for no
     *     limit
     * @param cache how long an instance keeps a tenant's limits before reading them again
     * @param longestDeferral how long a message from a channel that cannot be asked to retry (Twilio's webhooks: a
     *     refused SMS is gone) may be stored and wait for its turn; one that would wait longer is refused after all
     */
    public record Limits(
            @DefaultValue Map<String, @Valid TenantLimits> plans,
            @PositiveOrZero @DefaultValue("0") long clientMessagesPerMinute,
            @NotNull @DefaultValue("5s") Duration cache,
            @NotNull @DefaultValue("15m") Duration longestDeferral) {}

    /**
     * Handed-over conversations: who gets them and how fast they must be answered.
     *
     * @param firstResponse how long a customer may wait for a person's first reply
     * @param nextResponse how long, once an agent has replied, a customer may wait for the next
     * @param warnBefore how long before a timer runs out the agents are warned (console badge, audit)
     * @param capacity how many conversations an agent has at once, unless they set their own
     * @param sweep how often waiting conversations are assigned and timers checked
     */
    public record Handover(
            @NotNull @DefaultValue("15m") Duration firstResponse,
            @NotNull @DefaultValue("30m") Duration nextResponse,
            @NotNull @DefaultValue("5m") Duration warnBefore,
            @Positive @DefaultValue("5") int capacity,
            @NotNull @DefaultValue("10s") Duration sweep) {}
}
