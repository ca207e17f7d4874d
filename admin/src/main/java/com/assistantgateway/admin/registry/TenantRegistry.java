package com.assistantgateway.admin.registry;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.secrets.Credentials;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.outbound.OutboundTargets;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantSettingsChanged;
import com.assistantgateway.routes.port.AssistantTypes;
import com.assistantgateway.routes.port.BindingStates;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindingActivated;
import com.assistantgateway.routes.port.ChannelBindingDeactivated;
import com.assistantgateway.routes.port.ChannelBindings;
import com.assistantgateway.routes.port.ChannelType;
import com.assistantgateway.routes.port.TenantActivated;
import com.assistantgateway.routes.port.TenantDirectory;
import com.assistantgateway.routes.port.TenantSuspended;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers tenants, assistants and bindings, and answers the backbone's questions about them. Credentials are sealed
 * before they are stored and opened only for the channels that use them; views show them masked. Every change is
 * audited with its before and after.
 */
@Service
public class TenantRegistry implements TenantDirectory, ChannelBindings {

    static final String ACTIVE = "active";
    static final String DISABLED = "disabled";
    static final String FRONTEND_URL = "frontendUrl";
    static final String CONFIDENCE_THRESHOLD = "confidenceThreshold";
    static final int DEFAULT_RETENTION_DAYS = 365;
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final RegistryMapper mapper;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Credentials credentials;
    private final AssistantTypes types;
    private final ChannelTypes channels;
    private final OutboundTargets targets;
    private final ObjectProvider<BindingStates> states;
    private final String publicBaseUrl;
    private final RegistryCache cache;
    private final Clock clock;

    public TenantRegistry(
            RegistryMapper mapper,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Credentials credentials,
            AssistantTypes types,
            ChannelTypes channels,
            OutboundTargets targets,
            ObjectProvider<BindingStates> states,
            AdminProperties properties,
            Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.credentials = credentials;
        this.types = types;
        this.channels = channels;
        this.targets = targets;
        this.states = states;
        this.publicBaseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
        this.cache = new RegistryCache(properties.registryCache());
    }

    @Transactional
    public TenantView createTenant(NewTenant tenant, String actor) {
        cache.changed();
        TenantRow row = new TenantRow(
                tenant.slug(),
                tenant.name(),
                tenant.plan(),
                tenant.sector(),
                String.join(",", tenant.locales()),
                String.join(",", channels.names()),
                DEFAULT_RETENTION_DAYS,
                ACTIVE,
                clock.instant());
        try {
            mapper.insertTenant(row);
        } catch (DuplicateKeyException e) {
            throw AdminProblem.conflict("tenant " + tenant.slug() + " exists");
        }
        TenantView view = TenantView.of(row);
        audit.record(
                tenant.slug(), actor, "tenant.created", "tenant", tenant.slug().value(), audit.change(null, view));
        events.publishEvent(new TenantActivated(tenant.slug()));
        return view;
    }

    @Transactional
    public TenantView updateTenant(TenantId tenantId, TenantChanges changes, String actor) {
        cache.changed();
        TenantRow before = mapper.tenant(tenantId).orElseThrow(AdminProblem::notFound);
        if (changes.enabledChannels() != null) {
            changes.enabledChannels().forEach(channels::require);
        }
        TenantRow after = new TenantRow(
                tenantId,
                or(changes.name(), before.name()),
                or(changes.plan(), before.plan()),
                or(changes.sector(), before.sector()),
                changes.locales() == null ? before.locales() : String.join(",", changes.locales()),
                changes.enabledChannels() == null
                        ? before.enabledChannels()
                        : String.join(",", changes.enabledChannels()),
                changes.retentionDays() == null ? before.retentionDays() : changes.retentionDays(),
                or(changes.status(), before.status()),
                before.createdAt());
        mapper.updateTenant(after);
        if (!before.status().equals(after.status())) {
            events.publishEvent(after.active() ? new TenantActivated(tenantId) : new TenantSuspended(tenantId));
        }
        TenantView view = TenantView.of(after);
        audit.record(
                tenantId,
                actor,
                "tenant.updated",
                "tenant",
                tenantId.value(),
                audit.change(TenantView.of(before), view));
        return view;
    }

    public Optional<TenantRow> tenant(TenantId tenantId) {
        return mapper.tenant(tenantId);
    }

    public Optional<TenantView> tenantView(TenantId tenantId) {
        return mapper.tenant(tenantId).map(TenantView::of);
    }

    /** Platform-level: every tenant, for platform admins. */
    public List<TenantView> allTenants() {
        return mapper.allTenants().stream().map(TenantView::of).toList();
    }

    @Transactional
    public void createAssistant(TenantId tenantId, NewAssistant assistant, String actor) {
        cache.changed();
        createAssistant(tenantId, assistant, null, Map.of(), actor);
    }

    @Transactional
    public AssistantView createAssistant(
            TenantId tenantId, NewAssistant assistant, String sector, Map<String, String> secrets, String actor) {
        cache.changed();
        requireValidSettings(assistant.type(), assistant.settings());
        AssistantRow row = new AssistantRow(
                tenantId,
                assistant.id(),
                assistant.type(),
                assistant.name(),
                sector,
                assistant.persona(),
                assistant.prompt(),
                CanonicalJson.write(assistant.settings()),
                credentials.seal(secrets),
                ACTIVE,
                clock.instant());
        try {
            mapper.insertAssistant(row);
        } catch (DuplicateKeyException e) {
            throw AdminProblem.conflict("assistant " + assistant.id().value() + " exists");
        }
        AssistantView view = view(row);
        audit.record(
                tenantId,
                actor,
                "assistant.created",
                "assistant",
                assistant.id().value(),
                audit.change(null, view));
        return view;
    }

    @Transactional
    public AssistantView updateAssistant(
            TenantId tenantId, AssistantId assistantId, AssistantChanges changes, String actor) {
        cache.changed();
        AssistantRow before = mapper.assistant(tenantId, assistantId).orElseThrow(AdminProblem::notFound);
        Map<String, String> settings = merge(stringMap(before.modelSettings()), changes.settings());
        requireValidSettings(before.type(), settings);
        AssistantRow after = new AssistantRow(
                tenantId,
                assistantId,
                before.type(),
                or(changes.name(), before.name()),
                or(changes.sector(), before.sector()),
                or(changes.persona(), before.persona()),
                or(changes.prompt(), before.prompt()),
                CanonicalJson.write(settings),
                credentials.seal(merge(credentials.open(before.credentials()), changes.credentials())),
                or(changes.status(), before.status()),
                before.createdAt());
        mapper.updateAssistant(after);
        Map<String, String> was = stringMap(before.modelSettings());
        Set<String> changed = new TreeSet<>();
        for (String key : union(was.keySet(), settings.keySet())) {
            if (!Objects.equals(was.get(key), settings.get(key))) {
                changed.add(key);
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new AssistantSettingsChanged(tenantId, assistantId, changed));
        }
        AssistantView view = view(after);
        audit.record(
                tenantId,
                actor,
                "assistant.updated",
                "assistant",
                assistantId.value(),
                audit.change(view(before), view));
        return view;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Settings the assistant's plugin could not read, or secrets among them, are refused here. */
    private void requireValidSettings(String type, Map<String, String> settings) {
        List<String> problems = new ArrayList<>(SecretSettings.problems(settings));
        problems.addAll(types.problems(type, settings == null ? Map.of() : settings));
        if (!problems.isEmpty()) {
            throw AdminProblem.invalid(String.join("; ", problems));
        }
    }

    public List<AssistantView> assistants(TenantId tenantId) {
        return mapper.assistants(tenantId).stream().map(this::view).toList();
    }

    public Optional<AssistantView> assistantView(TenantId tenantId, AssistantId assistantId) {
        return mapper.assistant(tenantId, assistantId).map(this::view);
    }

    @Transactional
    public BindingView createBinding(TenantId tenantId, NewBinding binding, String actor) {
        cache.changed();
        ChannelType channel = channels.require(binding.channel());
        requireValidSettings(tenantId, channel, binding.inboundKey(), binding.settings());
        Map<String, String> secrets = new HashMap<>(channel.generatedCredentials());
        secrets.putAll(binding.credentials());
        BindingRow row = new BindingRow(
                tenantId,
                binding.id(),
                binding.assistantId(),
                channel.id(),
                binding.inboundKey(),
                CanonicalJson.write(binding.settings()),
                credentials.seal(secrets),
                ACTIVE,
                clock.instant());
        try {
            mapper.insertBinding(row);
        } catch (DuplicateKeyException e) {
            throw AdminProblem.conflict("binding " + binding.id() + " or its inbound key " + binding.inboundKey()
                    + " on " + binding.channel() + " is taken");
        } catch (DataIntegrityViolationException e) {
            throw AdminProblem.invalid("assistant " + binding.assistantId().value() + " does not exist");
        }
        BindingView view = view(row);
        audit.record(tenantId, actor, "binding.created", "binding", binding.id().value(), audit.change(null, view));
        events.publishEvent(new ChannelBindingActivated(tenantId, binding.id(), channel.id()));
        return view;
    }

    /** Applies a change; the binding's routes stop, and start again with the new settings if it stays active. */
    @Transactional
    public BindingView updateBinding(TenantId tenantId, BindingId bindingId, BindingChanges changes, String actor) {
        cache.changed();
        BindingRow before = mapper.binding(tenantId, bindingId).orElseThrow(AdminProblem::notFound);
        AssistantId assistantId =
                changes.assistantId() == null ? before.assistantId() : new AssistantId(changes.assistantId());
        if (mapper.assistant(tenantId, assistantId).isEmpty()) {
            throw AdminProblem.invalid("assistant " + assistantId.value() + " does not exist");
        }
        BindingRow after = new BindingRow(
                tenantId,
                bindingId,
                assistantId,
                before.channel(),
                before.inboundKey(),
                CanonicalJson.write(merge(stringMap(before.settings()), changes.settings())),
                credentials.seal(merge(credentials.open(before.credentials()), changes.credentials())),
                or(changes.status(), before.status()),
                before.createdAt());
        // A binding being disabled is never refused for settings stored before today's rules.
        if (ACTIVE.equals(after.status())) {
            requireValidSettings(
                    tenantId, channels.require(after.channel()), after.inboundKey(), stringMap(after.settings()));
        }
        mapper.updateBinding(after);
        BindingView view = view(after);
        audit.record(
                tenantId, actor, "binding.updated", "binding", bindingId.value(), audit.change(view(before), view));
        events.publishEvent(new ChannelBindingDeactivated(tenantId, bindingId, before.channel()));
        if (ACTIVE.equals(after.status())) {
            events.publishEvent(new ChannelBindingActivated(tenantId, bindingId, before.channel()));
        }
        return view;
    }

    /**
     * A binding's settings as its channel requires them: no secrets, every place the gateway would connect to allowed
     * by the outbound guard, and whatever else the channel asks.
     */
    private void requireValidSettings(
            TenantId tenantId, ChannelType channel, String inboundKey, Map<String, String> settings) {
        List<String> problems = new ArrayList<>(SecretSettings.problems(settings));
        for (ChannelType.OutboundSetting target : channel.outboundSettings()) {
            String value = settings.getOrDefault(target.name(), "");
            if (value.isBlank()) {
                continue;
            }
            try {
                switch (target.kind()) {
                    case URL -> targets.checkUrl(target.name(), value.strip());
                    case URL_LIST -> Arrays.stream(value.split("[,\\s]+"))
                            .filter(url -> !url.isBlank())
                            .forEach(url -> targets.checkUrl(target.name(), url));
                    case HOST -> targets.checkHost(target.name(), value.strip(), port(settings, target));
                }
            } catch (OutboundTargets.TargetRefused refused) {
                problems.add(refused.getMessage());
            }
        }
        problems.addAll(channel.problems(tenantId, inboundKey, settings));
        if (!problems.isEmpty()) {
            throw AdminProblem.invalid(String.join("; ", problems));
        }
    }

    private static int port(Map<String, String> settings, ChannelType.OutboundSetting target) {
        String port = settings.getOrDefault(target.portSetting(), "");
        if (port.isBlank()) {
            return target.defaultPort();
        }
        try {
            return Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new OutboundTargets.TargetRefused(target.portSetting() + " must be a port number");
        }
    }

    public List<BindingView> bindings(TenantId tenantId) {
        boolean tenantActive = mapper.tenant(tenantId).map(TenantRow::active).orElse(false);
        return mapper.bindings(tenantId).stream()
                .map(row -> live(row, tenantActive))
                .toList();
    }

    public Optional<BindingView> bindingView(TenantId tenantId, BindingId bindingId) {
        boolean tenantActive = mapper.tenant(tenantId).map(TenantRow::active).orElse(false);
        return mapper.binding(tenantId, bindingId).map(row -> live(row, tenantActive));
    }

    /**
     * Moves secrets an older version let tenants save as settings (an {@code llm.apiKey}, a {@code password}) into
     * the sealed credentials, and masks them in the tenant's audit trail; returns how many assistants and bindings
     * held one. Credentials already set win over a stray setting of the same name.
     */
    @Transactional
    public int moveSecretsOutOfSettings(String actor) {
        cache.changed();
        int moved = 0;
        for (TenantRow tenant : mapper.allTenants()) {
            TenantId tenantId = tenant.slug();
            for (AssistantRow row : mapper.assistants(tenantId)) {
                Map<String, String> settings = stringMap(row.modelSettings());
                Map<String, String> secrets = secretsIn(settings);
                if (secrets.isEmpty()) {
                    continue;
                }
                mapper.updateAssistant(new AssistantRow(
                        tenantId,
                        row.id(),
                        row.type(),
                        row.name(),
                        row.sector(),
                        row.persona(),
                        row.prompt(),
                        CanonicalJson.write(without(settings, secrets)),
                        credentials.seal(withSecrets(credentials.open(row.credentials()), secrets)),
                        row.status(),
                        row.createdAt()));
                recordMoved(tenantId, actor, "assistant", row.id().value(), secrets);
                moved++;
            }
            for (BindingRow row : mapper.bindings(tenantId)) {
                Map<String, String> settings = stringMap(row.settings());
                Map<String, String> secrets = secretsIn(settings);
                if (secrets.isEmpty()) {
                    continue;
                }
                mapper.updateBinding(new BindingRow(
                        tenantId,
                        row.id(),
                        row.assistantId(),
                        row.channel(),
                        row.inboundKey(),
                        CanonicalJson.write(without(settings, secrets)),
                        credentials.seal(withSecrets(credentials.open(row.credentials()), secrets)),
                        row.status(),
                        row.createdAt()));
                recordMoved(tenantId, actor, "binding", row.id().value(), secrets);
                moved++;
            }
        }
        return moved;
    }

    private void recordMoved(TenantId tenantId, String actor, String kind, String id, Map<String, String> secrets) {
        secrets.values().forEach(secret -> audit.redact(tenantId, secret, Credentials.MASK));
        audit.record(
                tenantId,
                actor,
                "secrets.moved-to-credentials",
                kind,
                id,
                CanonicalJson.write(Map.of("settings", new TreeMap<>(secrets).keySet())));
    }

    private static Map<String, String> secretsIn(Map<String, String> settings) {
        Map<String, String> secrets = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (SecretSettings.isSecret(key)) {
                secrets.put(key, value);
            }
        });
        return secrets;
    }

    private static Map<String, String> without(Map<String, String> settings, Map<String, String> secrets) {
        Map<String, String> kept = new TreeMap<>(settings);
        secrets.keySet().forEach(kept::remove);
        return kept;
    }

    private static Map<String, String> withSecrets(Map<String, String> credentials, Map<String, String> secrets) {
        Map<String, String> merged = new TreeMap<>(secrets);
        merged.putAll(credentials);
        return merged;
    }

    /** Re-encrypts every credential not sealed under the current master key; returns how many were. */
    @Transactional
    public int resealCredentials(String actor) {
        cache.changed();
        int count = 0;
        for (SealedColumn column : mapper.allCredentials()) {
            String resealed = credentials.rotated(column.credentials());
            if (resealed == null) {
                continue;
            }
            if ("binding".equals(column.kind())) {
                mapper.updateBindingCredentials(column.tenantId(), column.id(), resealed);
            } else {
                mapper.updateAssistantCredentials(column.tenantId(), column.id(), resealed);
            }
            audit.record(column.tenantId(), actor, "secrets.resealed", column.kind(), column.id(), null);
            count++;
        }
        return count;
    }

    @Override
    public List<TenantId> activeTenants() {
        return mapper.activeTenants();
    }

    @Override
    public Optional<AssistantProfile> assistant(TenantId tenantId, AssistantId assistantId) {
        return cache.assistant(tenantId, assistantId, () -> readAssistant(tenantId, assistantId));
    }

    private Optional<AssistantProfile> readAssistant(TenantId tenantId, AssistantId assistantId) {
        return mapper.assistant(tenantId, assistantId)
                .filter(row -> ACTIVE.equals(row.status()))
                .map(row -> new AssistantProfile(
                        row.tenantId(),
                        row.id(),
                        row.type(),
                        row.name(),
                        row.persona(),
                        row.prompt(),
                        stringMap(row.modelSettings()),
                        credentials.open(row.credentials())));
    }

    @Override
    public Optional<ChannelBinding> resolve(ChannelId channel, String inboundKey) {
        return cache.binding(
                channel, inboundKey, () -> mapper.resolve(channel, inboundKey).map(this::binding));
    }

    @Override
    public boolean suspended(ChannelId channel, String inboundKey) {
        return mapper.suspended(channel, inboundKey);
    }

    @Override
    public Optional<ChannelBinding> find(TenantId tenantId, BindingId bindingId) {
        return cache.binding(tenantId, bindingId, () -> mapper.binding(tenantId, bindingId)
                .filter(row -> ACTIVE.equals(row.status()))
                .map(this::binding));
    }

    @Override
    public List<ChannelBinding> active(ChannelId channel) {
        return mapper.activeBindings(channel).stream().map(this::binding).toList();
    }

    private ChannelBinding binding(BindingRow row) {
        return new ChannelBinding(
                row.id(),
                row.tenantId(),
                row.assistantId(),
                row.channel(),
                row.inboundKey(),
                stringMap(row.settings()),
                credentials.open(row.credentials()));
    }

    private AssistantView view(AssistantRow row) {
        return new AssistantView(
                row.id().value(),
                row.type(),
                row.name(),
                row.sector(),
                row.persona(),
                row.prompt(),
                new TreeMap<>(stringMap(row.modelSettings())),
                Credentials.masked(credentials.open(row.credentials())),
                row.status(),
                row.createdAt());
    }

    private BindingView view(BindingRow row) {
        return new BindingView(
                row.id().value(),
                row.assistantId().value(),
                row.channel().value(),
                row.inboundKey(),
                inboundAddress(row.channel(), row.inboundKey()),
                new TreeMap<>(stringMap(row.settings())),
                Credentials.masked(credentials.open(row.credentials())),
                row.status(),
                row.createdAt(),
                null);
    }

    /** The view with how the binding's connection is doing here: a tenant's own trouble, shown to that tenant. */
    private BindingView live(BindingRow row, boolean tenantActive) {
        BindingView view = view(row);
        BindingStates states = this.states.getIfAvailable();
        return states == null
                ? view
                : view.withConnection(
                        states.state(row.tenantId(), row.id(), tenantActive && ACTIVE.equals(row.status())));
    }

    /** Where customers (mail, numbers, topics) or providers (webhook URLs) reach a binding. */
    String inboundAddress(ChannelId channel, String inboundKey) {
        return channels.find(channel)
                .map(type -> type.inboundAddress(publicBaseUrl, inboundKey))
                .orElse(inboundKey);
    }

    private static Map<String, String> merge(Map<String, String> before, Map<String, String> changes) {
        if (changes == null) {
            return before;
        }
        Map<String, String> merged = new TreeMap<>(before);
        changes.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static String or(String change, String before) {
        return change == null ? before : change;
    }

    static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank()
                ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }

    static Map<String, String> stringMap(String json) {
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
