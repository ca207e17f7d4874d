package com.assistantgateway.adapters.webhook;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook channel settings ({@code gateway.adapters.webhook.*}).
 *
 * @param maxBodyBytes larger request bodies are refused with 413
 */
@Validated
@ConfigurationProperties("gateway.adapters.webhook")
public record WebhookProperties(@DefaultValue("65536") @Min(256) int maxBodyBytes) {}
