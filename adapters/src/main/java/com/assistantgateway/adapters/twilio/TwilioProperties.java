package com.assistantgateway.adapters.twilio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Twilio settings ({@code gateway.adapters.twilio.*}). Bindings are Twilio subaccounts (Twilio's model for
 * platforms): the gateway's REST client authenticates as the platform account and sends on each binding's subaccount;
 * each binding keeps its subaccount's auth token, which signs that subaccount's webhooks.
 *
 * @param accountSid the platform account (from the environment: TWILIO_ACCOUNT_SID)
 * @param authToken its auth token (from the environment: TWILIO_AUTH_TOKEN)
 * @param apiBaseUrl Twilio's REST API; only proxies and tests change it
 * @param publicBaseUrl how Twilio reaches the gateway (e.g. https://gw.example.com behind a proxy); webhook signatures
 *     are computed over it, and status callback URLs are built from it. Empty: taken from each request.
 * @param whatsappWindow WhatsApp's customer-service window after a customer's last message
 * @param pacing what a sender delivers a second, unless its binding says ({@code sendRate})
 */
@Validated
@ConfigurationProperties("gateway.adapters.twilio")
public record TwilioProperties(
        @DefaultValue("") String accountSid,
        @DefaultValue("") String authToken,
        @NotBlank @DefaultValue("https://api.twilio.com") String apiBaseUrl,
        @DefaultValue("") String publicBaseUrl,
        @NotNull @DefaultValue("24h") Duration whatsappWindow,
        @Valid @NotNull @DefaultValue Pacing pacing) {

    /**
     * Twilio queues what a sender is sent beyond its rate, and drops it after hours; the gateway waits its turn instead.
     *
     * @param smsSegmentsPerSecond SMS segments a number delivers a second (a long code: 1)
     * @param whatsappMessagesPerSecond WhatsApp messages a business number delivers a second (about 80)
     */
    public record Pacing(
            @DefaultValue("1") @Min(1) int smsSegmentsPerSecond,
            @DefaultValue("80") @Min(1) int whatsappMessagesPerSecond) {}
}
