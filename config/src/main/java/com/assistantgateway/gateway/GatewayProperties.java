package com.assistantgateway.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The runnable gateway's own settings ({@code gateway.*}).
 *
 * @param dataDir where the embedded profile keeps its database, broker journal and vector index
 * @param demo the demo tenant of the embedded profile
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @NotNull @DefaultValue("./data") Path dataDir, @Valid @NotNull @DefaultValue Demo demo) {

    /**
     * @param enabled seed the demo tenant on first start
     * @param token bearer token of the demo webhook binding
     * @param signingSecret HMAC secret of the demo webhook binding (signed requests and callbacks)
     * @param callbackUrl where replies are POSTed, if set
     */
    public record Demo(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("demo-token") String token,
            @DefaultValue("demo-secret") String signingSecret,
            @DefaultValue("") String callbackUrl) {}
}
