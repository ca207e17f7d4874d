package com.assistantgateway.admin.registry;

import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * A partial update of a channel binding: {@code null} leaves a field as it is. Settings and credentials merge key by
 * key; an empty value removes a key. A binding set to {@code disabled} stops its routes at once.
 */
public record BindingChanges(
        String assistantId,
        Map<String, String> settings,
        Map<String, String> credentials,
        @Pattern(regexp = "active|disabled") String status) {

    @Override
    public String toString() {
        return "BindingChanges[assistantId=" + assistantId + ", settings=" + settings + ", credentials="
                + (credentials == null ? null : credentials.keySet()) + ", status=" + status + "]";
    }
}
