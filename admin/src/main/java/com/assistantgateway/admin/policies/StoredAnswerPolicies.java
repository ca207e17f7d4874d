package com.assistantgateway.admin.policies;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.AdminProperties;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AnswerPolicies;
import com.assistantgateway.routes.port.AnswerPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answer policies in the shared database, one row per saved version. The answer step reads the latest through a
 * short cache (as the registry does), so a save reaches every instance within {@code gateway.admin.registry-cache}.
 */
@Service
public class StoredAnswerPolicies implements AnswerPolicies {

    private static final int MAX_ITEMS = 200;
    private static final int MAX_TEXT = 2_000;

    private final PolicyMapper mapper;
    private final AuditTrail audit;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public StoredAnswerPolicies(PolicyMapper mapper, AuditTrail audit, AdminProperties properties, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.audit = audit;
        this.cacheFor = properties.registryCache();
    }

    @Override
    public AnswerPolicy current(TenantId tenantId, AssistantId assistantId) {
        String key = tenantId.value() + '\u0000' + assistantId.value();
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached == null || cached.until().isBefore(now)) {
            cached = new Cached(load(tenantId, assistantId), now.plus(cacheFor));
            cache.put(key, cached);
        }
        return cached.policy();
    }

    /**
     * The policy the assistant follows, uncached (the console and API show what is stored): its own latest version,
     * else its tenant's, else the defaults.
     */
    public AnswerPolicy load(TenantId tenantId, AssistantId assistantId) {
        return mapper.latest(tenantId, assistantId)
                .or(() -> mapper.latestOfTenant(tenantId))
                .map(StoredAnswerPolicies::read)
                .orElse(AnswerPolicy.defaults());
    }

    /** Whether the assistant has a policy of its own, rather than following its tenant's. */
    public boolean hasOwn(TenantId tenantId, AssistantId assistantId) {
        return mapper.latest(tenantId, assistantId).isPresent();
    }

    public List<PolicyMapper.PolicyVersion> versions(TenantId tenantId, AssistantId assistantId) {
        return mapper.versions(tenantId, assistantId);
    }

    /** The tenant's policy: what every assistant of it without a policy of its own follows. */
    public AnswerPolicy loadOfTenant(TenantId tenantId) {
        return mapper.latestOfTenant(tenantId).map(StoredAnswerPolicies::read).orElse(AnswerPolicy.defaults());
    }

    public List<PolicyMapper.PolicyVersion> versionsOfTenant(TenantId tenantId) {
        return mapper.versionsOfTenant(tenantId);
    }

    /** Saves the assistant's policy as its next version (whatever version it names) and audits the change. */
    @Transactional
    public AnswerPolicy save(TenantId tenantId, AssistantId assistantId, AnswerPolicy given, String actor) {
        requireValid(given);
        AnswerPolicy before = load(tenantId, assistantId);
        AnswerPolicy saved = versioned(given, mapper.latestVersion(tenantId, assistantId) + 1);
        mapper.insert(tenantId, assistantId, saved.version(), CanonicalJson.write(saved), clock.instant(), actor);
        audit.record(tenantId, actor, "policy.saved", "assistant", assistantId.value(), audit.change(before, saved));
        cache.remove(tenantId.value() + '\u0000' + assistantId.value());
        return saved;
    }

    /** Saves the tenant's policy as its next version and audits the change. */
    @Transactional
    public AnswerPolicy saveOfTenant(TenantId tenantId, AnswerPolicy given, String actor) {
        requireValid(given);
        AnswerPolicy before = loadOfTenant(tenantId);
        AnswerPolicy saved = versioned(given, mapper.latestVersionOfTenant(tenantId) + 1);
        mapper.insertOfTenant(tenantId, saved.version(), CanonicalJson.write(saved), clock.instant(), actor);
        audit.record(tenantId, actor, "policy.saved", "tenant", tenantId.value(), audit.change(before, saved));
        // Any assistant of the tenant may follow it.
        cache.keySet().removeIf(key -> key.startsWith(tenantId.value() + '\u0000'));
        return saved;
    }

    private static void requireValid(AnswerPolicy policy) {
        List<String> problems = problems(policy);
        if (!problems.isEmpty()) {
            throw AdminProblem.invalid(String.join("; ", problems));
        }
    }

    private static AnswerPolicy versioned(AnswerPolicy given, int version) {
        return new AnswerPolicy(
                version,
                given.enabled(),
                given.redactEmail(),
                given.redactPhone(),
                given.redactIban(),
                given.redactCard(),
                given.nameDetectorUrl(),
                given.phoneRegions().stream()
                        .map(r -> r.strip().toUpperCase(Locale.ROOT))
                        .toList(),
                given.allowedTopics(),
                given.refusedTopics(),
                given.handOverRefused(),
                given.maxAnswerChars(),
                given.bannedPhrases(),
                given.disclaimer());
    }

    /** Records that someone tried a policy on a sample (never the sample: it may hold personal data). */
    public void recordTrial(TenantId tenantId, AssistantId assistantId, String actor) {
        audit.record(tenantId, actor, "policy.tested", "assistant", assistantId.value(), null);
    }

    /** What is wrong with a policy, worded for the admin who wrote it. */
    static List<String> problems(AnswerPolicy policy) {
        List<String> problems = new ArrayList<>();
        if (!policy.nameDetectorUrl().isEmpty()) {
            try {
                URI uri = URI.create(policy.nameDetectorUrl());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("the name detector must be an http(s) address, such as https://presidio.example.com");
                }
            } catch (IllegalArgumentException e) {
                problems.add("the name detector address is not a valid URL");
            }
        }
        for (String region : policy.phoneRegions()) {
            if (!region.strip().matches("[A-Za-z]{2}")) {
                problems.add("phone region '" + region + "' is not a two-letter country code such as NL");
            }
        }
        if (policy.maxAnswerChars() < 0 || policy.maxAnswerChars() > 20_000) {
            problems.add("the answer length limit must be from 0 (none) to 20000 characters");
        }
        for (List<String> list : List.of(policy.allowedTopics(), policy.refusedTopics(), policy.bannedPhrases())) {
            if (list.size() > MAX_ITEMS || list.stream().anyMatch(item -> item.length() > MAX_TEXT)) {
                problems.add("topics and phrases: at most " + MAX_ITEMS + " of at most " + MAX_TEXT + " characters");
                break;
            }
        }
        if (policy.disclaimer().length() > MAX_TEXT) {
            problems.add("the disclaimer can have at most " + MAX_TEXT + " characters");
        }
        return problems;
    }

    private static AnswerPolicy read(String json) {
        try {
            return CanonicalJson.mapper().readValue(json, AnswerPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer policy is not readable", e);
        }
    }

    private record Cached(AnswerPolicy policy, Instant until) {}
}
