package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.CanonicalJson;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
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
}
