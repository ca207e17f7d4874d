package com.assistantgateway.routes.backbone;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
 */
@Validated
@ConfigurationProperties("gateway.routes")
public record RoutesProperties(
        @DefaultValue("2") @Min(1) int processorConcurrency,
        @DefaultValue("10") @Min(0) int historyLimit,
        @Valid @NotNull @DefaultValue Redelivery redelivery,
        @Valid @NotNull @DefaultValue Recovery recovery,
        @NotNull @DefaultValue("30s") Duration bindingSync) {

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
}
