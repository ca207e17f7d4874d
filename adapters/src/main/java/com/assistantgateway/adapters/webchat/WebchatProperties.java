package com.assistantgateway.adapters.webchat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Web chat channel settings ({@code gateway.adapters.webchat.*}); each binding's own (origins, identity, persistence,
 * look) are in its settings.
 *
 * @param sessionTtl how long a visitor's session token is accepted; the widget opens the next one with its resume token
 * @param heartbeat how often an idle event stream gets a comment, so proxies keep it open
 * @param streamTimeout how long one event stream stays open before the server ends it and the widget reconnects
 * @param maxTextChars longer visitor messages are refused with 400
 */
@Validated
@ConfigurationProperties("gateway.adapters.webchat")
public record WebchatProperties(
        @NotNull @DefaultValue("30m") Duration sessionTtl,
        @NotNull @DefaultValue("15s") Duration heartbeat,
        @NotNull @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("4000") @Min(1) @Max(100_000) int maxTextChars) {}
