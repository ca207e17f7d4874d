package com.assistantgateway.adapters.webhook;

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
 */
@Validated
@ConfigurationProperties("gateway.adapters.webhook")
public record WebhookProperties(
        @DefaultValue("65536") @Min(256) int maxBodyBytes, @NotNull @DefaultValue("5m") Duration signatureTolerance) {}
