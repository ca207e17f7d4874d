package com.assistantgateway.admin.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A partial update of a tenant: {@code null} leaves a field as it is. */
public record TenantChanges(
        @Size(min = 1, max = 200) String name,
        @Size(min = 1, max = 40) String plan,
        @Size(max = 60) String sector,
        List<@Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") String> locales,
        List<@Size(max = 30) String> enabledChannels,
        @Min(1) @Max(3650) Integer retentionDays,
        @Pattern(regexp = "active|suspended") String status) {}
