package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.ChannelBinding;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registry rows every message reads (its binding, by inbound key or id, and its assistant), kept briefly with
 * their credentials opened: every request and every reply looked them up and decrypted them again, a tenth of a
 * message's database work. A change made on this instance empties the cache when it commits; one made on another
 * instance shows here within {@code gateway.admin.registry-cache}.
 */
final class RegistryCache {

    private static final int ROWS = 10_000;

    private final Cache<InboundKey, Optional<ChannelBinding>> byInboundKey;
    private final Cache<BindingKey, Optional<ChannelBinding>> byId;
    private final Cache<AssistantKey, Optional<AssistantProfile>> assistants;

    RegistryCache(Duration keep) {
        this.byInboundKey = cache(keep);
        this.byId = cache(keep);
        this.assistants = cache(keep);
    }

    Optional<ChannelBinding> binding(ChannelId channel, String inboundKey, Supplier<Optional<ChannelBinding>> read) {
        return byInboundKey.get(new InboundKey(channel, inboundKey), key -> read.get());
    }

    Optional<ChannelBinding> binding(TenantId tenantId, BindingId bindingId, Supplier<Optional<ChannelBinding>> read) {
        return byId.get(new BindingKey(tenantId, bindingId), key -> read.get());
    }

    Optional<AssistantProfile> assistant(
            TenantId tenantId, AssistantId assistantId, Supplier<Optional<AssistantProfile>> read) {
        return assistants.get(new AssistantKey(tenantId, assistantId), key -> read.get());
    }

    /**
     * Empties the cache now and again once the current transaction ends: a reader between the two could otherwise
     * put the row back as it was before the commit.
     */
    void changed() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    private void clear() {
        byInboundKey.invalidateAll();
        byId.invalidateAll();
        assistants.invalidateAll();
    }

    private static <K, V> Cache<K, V> cache(Duration keep) {
        return Caffeine.newBuilder()
                .expireAfterWrite(keep)
                .maximumSize(keep.isZero() ? 0 : ROWS)
                .build();
    }

    private record InboundKey(ChannelId channel, String inboundKey) {}

    private record BindingKey(TenantId tenantId, BindingId bindingId) {}

    private record AssistantKey(TenantId tenantId, AssistantId assistantId) {}
}
