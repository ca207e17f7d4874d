package com.assistantgateway.admin;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Admin module settings ({@code gateway.admin.*}).
 *
 * @param attachmentsDir where attachments that arrive inline (mail parts) are kept, one folder per tenant
 */
@Validated
@ConfigurationProperties("gateway.admin")
public record AdminProperties(@NotNull @DefaultValue("./data/attachments") Path attachmentsDir) {}
