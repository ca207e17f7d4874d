package com.assistantgateway.orchestrator.plugin;

import com.assistantgateway.routes.outbound.OutboundTargets;
import com.assistantgateway.routes.port.AssistantTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks an assistant's settings against the JSON Schema its plugin's manifest declares, so a setting the plugin could
 * not read is refused when it is saved, not when the first customer writes; and the URLs among them with the outbound
 * guard: an endpoint the assistant calls must be one tenants may reach, a link one a browser opens as a page.
 */
@Component
public class PluginSettingsSchemas implements AssistantTypes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonSchema> schemas;
    private final Map<String, JsonNode> properties;
    private final Map<String, AssistantManifest> manifests;
    private final OutboundTargets targets;

    public PluginSettingsSchemas(List<AssistantPlugin> plugins, OutboundTargets targets) {
        this.targets = targets;
        this.manifests = plugins.stream()
                .map(AssistantPlugin::manifest)
                .collect(Collectors.toMap(AssistantManifest::type, manifest -> manifest, (a, b) -> a));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.schemas = plugins.stream()
                .map(AssistantPlugin::manifest)
                .collect(Collectors.toMap(
                        AssistantManifest::type,
                        manifest -> factory.getSchema(manifest.configSchema(), config),
                        (a, b) -> a,
                        TreeMap::new));
        this.properties = plugins.stream()
                .map(AssistantPlugin::manifest)
                .collect(Collectors.toMap(
                        AssistantManifest::type,
                        manifest -> read(manifest.configSchema()).path("properties"),
                        (a, b) -> a));
    }

    @Override
    public List<String> problems(String type, Map<String, String> settings) {
        JsonSchema schema = schemas.get(type);
        if (schema == null) {
            return List.of("there is no assistant type '" + type + "' (there are: "
                    + String.join(", ", schemas.keySet()) + ")");
        }
        Set<ValidationMessage> invalid = schema.validate(JSON.valueToTree(settings));
        List<String> problems = new ArrayList<>(invalid.stream()
                .map(message -> sentence(type, message))
                .sorted()
                .toList());
        Set<String> named = invalid.stream()
                .map(message -> message.getInstanceLocation().getName(-1))
                .collect(Collectors.toSet());
        AssistantManifest manifest = manifests.get(type);
        new TreeMap<>(settings).forEach((setting, value) -> {
            if (named.contains(setting)) {
                return;
            }
            try {
                if (manifest.endpointSettings().contains(setting)) {
                    targets.checkUrl(setting, value);
                } else if (manifest.linkSettings().contains(setting)) {
                    targets.checkLink(setting, value);
                }
            } catch (OutboundTargets.TargetRefused refused) {
                problems.add(refused.getMessage());
            }
        });
        return problems;
    }

    /** The validator's message worded for a tenant admin: it names the setting and, for a pattern, its description. */
    private String sentence(String type, ValidationMessage message) {
        JsonNode known = properties.get(type);
        if (message.getType().equals("additionalProperties")) {
            List<String> names = new ArrayList<>();
            known.fieldNames().forEachRemaining(names::add);
            return "'" + message.getProperty() + "' is not a setting of the " + type + " assistant type"
                    + (names.isEmpty() ? ", which takes none" : " (its settings: " + String.join(", ", names) + ")");
        }
        String setting = message.getInstanceLocation().getName(-1);
        String description = known.path(setting).path("description").asText("");
        if (message.getType().equals("pattern") && !description.isEmpty()) {
            return "setting '" + setting + "' must be " + description;
        }
        return "setting '" + setting + "' " + message.getError();
    }

    private static JsonNode read(String schema) {
        try {
            return JSON.readTree(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a plugin's settings schema is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
