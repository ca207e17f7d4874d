package com.assistantgateway.admin.registry;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings are shown in views, audit records and exports, and stored in plain text; secrets belong in credentials,
 * which are sealed and masked. A setting whose name says it holds a secret is refused, and one stored before this
 * rule is moved into the credentials at startup ({@link TenantRegistry#moveSecretsOutOfSettings}).
 */
final class SecretSettings {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[-_.]?key|private[-_.]?key|credential|authorization).*");

    private SecretSettings() {}

    static boolean isSecret(String setting) {
        return SECRET.matcher(setting).matches();
    }

    /** One sentence per secret found among the settings, naming where it belongs instead. */
    static List<String> problems(Map<String, String> settings) {
        return settings == null
                ? List.of()
                : settings.keySet().stream()
                        .filter(SecretSettings::isSecret)
                        .sorted()
                        .map(setting -> "'" + setting + "' holds a secret: send it under credentials, which are"
                                + " sealed and never shown, not under settings")
                        .toList();
    }
}
