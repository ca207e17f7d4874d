package com.assistantgateway.admin.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The console's new-binding form: ids as the admin API accepts them, the channel's settings and credentials as
 * {@code key=value} lines (each channel checks its own when the binding is saved).
 */
record BindingForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
        @NotBlank @Size(max = 64) String assistantId,
        @NotBlank @Size(max = 30) String channel,
        @NotBlank @Size(max = 320) String inboundKey,
        @Size(max = 20_000) String settings,
        @Size(max = 20_000) String credentials) {}
