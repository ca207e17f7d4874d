package com.assistantgateway.adapters.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook channel settings ({@code gateway.adapters.webhook.*}).
 *
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param signatureTolerance how far a signed request's timestamp may be from now; older (replayed) ones get 401
 * @param callbacks how each binding's replies are called back
 */
@Validated
@ConfigurationProperties("gateway.adapters.webhook")
public record WebhookProperties(
        @DefaultValue("65536") @Min(256) int maxBodyBytes,
        @NotNull @DefaultValue("5m") Duration signatureTolerance,
        @Valid @NotNull @DefaultValue Callbacks callbacks) {

    /**
     * Each webhook binding has callback consumers of its own, so a slow or dead receiver holds back only its own
     * replies; the connect and response timeouts are {@code gateway.routes.outbound.*}.
     *
     * @param concurrency most callbacks in flight per binding and instance (replies of one conversation stay in order)
     * @param breakerMinimumCalls calls the binding's circuit breaker sees before it may open (half of them failing)
     * @param breakerOpenFor how long an open breaker fails callbacks at once (the broker redelivers them later) before
     *     it tries the receiver again
     */
    public record Callbacks(
            @DefaultValue("4") @Min(1) int concurrency,
            @DefaultValue("5") @Min(1) int breakerMinimumCalls,
            @NotNull @DefaultValue("30s") Duration breakerOpenFor) {}
}
