package com.assistantgateway.admin.registry;

import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindingActivated;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.TenantActivated;
import com.assistantgateway.routes.port.TenantDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers tenants, assistants and bindings, and answers the backbone's questions about them. */
@Service
public class TenantRegistry implements TenantDirectory, ChannelBindings {

    static final String ACTIVE = "active";
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final RegistryMapper mapper;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    public TenantRegistry(RegistryMapper mapper, AuditTrail audit, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public void createTenant(NewTenant tenant, String actor) {
        mapper.insertTenant(new TenantRow(
                tenant.slug(),
                tenant.name(),
                tenant.plan(),
                tenant.sector(),
                String.join(",", tenant.locales()),
                ACTIVE,
                clock.instant()));
        audit.record(
                tenant.slug(), actor, "tenant.created", "tenant", tenant.slug().value(), null);
        events.publishEvent(new TenantActivated(tenant.slug()));
    }

    @Transactional
    public void createAssistant(TenantId tenantId, NewAssistant assistant, String actor) {
        mapper.insertAssistant(new AssistantRow(
                tenantId,
                assistant.id(),
                assistant.type(),
                assistant.name(),
                assistant.persona(),
                assistant.prompt(),
                CanonicalJson.write(assistant.settings()),
                ACTIVE,
                clock.instant()));
        audit.record(
                tenantId,
                actor,
                "assistant.created",
                "assistant",
                assistant.id().value(),
                null);
    }

    @Transactional
    public void createBinding(TenantId tenantId, NewBinding binding, String actor) {
        mapper.insertBinding(new BindingRow(
                tenantId,
                binding.id(),
                binding.assistantId(),
                binding.channel(),
                binding.inboundKey(),
                CanonicalJson.write(binding.settings()),
                CanonicalJson.write(binding.credentials()),
                ACTIVE,
                clock.instant()));
        audit.record(tenantId, actor, "binding.created", "binding", binding.id(), null);
        events.publishEvent(new ChannelBindingActivated(tenantId, binding.id(), binding.channel()));
    }

    public Optional<TenantRow> tenant(TenantId tenantId) {
        return mapper.tenant(tenantId);
    }

    @Override
    public List<TenantId> activeTenants() {
        return mapper.activeTenants();
    }

    @Override
    public Optional<AssistantProfile> assistant(TenantId tenantId, AssistantId assistantId) {
        return mapper.assistant(tenantId, assistantId)
                .filter(row -> ACTIVE.equals(row.status()))
                .map(row -> new AssistantProfile(
                        row.tenantId(),
                        row.id(),
                        row.type(),
                        row.name(),
                        row.persona(),
                        row.prompt(),
                        stringMap(row.modelSettings())));
    }

    @Override
    public Optional<ChannelBinding> resolve(String channel, String inboundKey) {
        return mapper.resolve(channel, inboundKey).map(TenantRegistry::binding);
    }

    @Override
    public Optional<ChannelBinding> find(TenantId tenantId, String bindingId) {
        return mapper.binding(tenantId, bindingId)
                .filter(row -> ACTIVE.equals(row.status()))
                .map(TenantRegistry::binding);
    }

    @Override
    public List<ChannelBinding> active(String channel) {
        return mapper.activeBindings(channel).stream()
                .map(TenantRegistry::binding)
                .toList();
    }

    private static ChannelBinding binding(BindingRow row) {
        return new ChannelBinding(
                row.id(),
                row.tenantId(),
                row.assistantId(),
                row.channel(),
                row.inboundKey(),
                stringMap(row.settings()),
                stringMap(row.credentials()));
    }

    private static Map<String, String> stringMap(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return CanonicalJson.mapper().readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings are not a JSON object of strings", e);
        }
    }
}
