package com.assistantgateway.admin.registry;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A partial update of an assistant: {@code null} leaves a field as it is. Settings and credentials merge key by key;
 * an empty value removes a key.
 */
public record AssistantChanges(
        @Size(min = 1, max = 200) String name,
        @Size(max = 60) String sector,
        @Size(max = 2000) String persona,
        @Size(max = 20000) String prompt,
        Map<String, String> settings,
        Map<String, String> credentials,
        @Pattern(regexp = "active|disabled") String status) {

    @Override
    public String toString() {
        return "AssistantChanges[name=" + name + ", settings=" + settings + ", credentials="
                + (credentials == null ? null : credentials.keySet()) + "]";
    }
}
