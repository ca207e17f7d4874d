package com.assistantgateway.admin.registry;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The assistant templates per sector, read from {@code assistant-templates/sectors.json}. */
@Component
public class SectorTemplates {

    private final List<AssistantTemplate> templates;

    public SectorTemplates() {
        try (InputStream in = new ClassPathResource("assistant-templates/sectors.json").getInputStream()) {
            this.templates =
                    List.copyOf(CanonicalJson.mapper().readValue(in, new TypeReference<List<AssistantTemplate>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("assistant templates are unreadable", e);
        }
    }

    public List<AssistantTemplate> all() {
        return templates;
    }

    public Optional<AssistantTemplate> forSector(String sector) {
        return templates.stream().filter(t -> t.sector().equals(sector)).findFirst();
    }

    /**
     * A new assistant from a sector's template, or from scratch when {@code sector} is null or blank: the given
     * fields (null or blank: not given) override the template's, and the given settings are merged over its settings.
     */
    public NewAssistant newAssistant(
            AssistantId id,
            String sector,
            String type,
            String name,
            String persona,
            String prompt,
            Map<String, String> settings) {
        AssistantTemplate base = sector == null || sector.isBlank()
                ? new AssistantTemplate(null, null, "support", null, null, Map.of())
                : forSector(sector).orElseThrow(() -> AdminProblem.invalid("no template for sector '" + sector + "'"));
        Map<String, String> merged = new TreeMap<>(base.settings());
        if (settings != null) {
            merged.putAll(settings);
        }
        String finalName = or(name, base.name());
        if (finalName == null) {
            throw AdminProblem.invalid("an assistant needs a name (or a template)");
        }
        return new NewAssistant(
                id, or(type, base.type()), finalName, or(persona, base.persona()), or(prompt, base.prompt()), merged);
    }

    private static String or(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }
}
