package com.assistantgateway.admin.channels;

import com.assistantgateway.routes.backbone.ChannelSignatures;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.Delivery;
import com.assistantgateway.routes.port.DeliveryLog;
import com.assistantgateway.routes.port.OptOuts;
import com.assistantgateway.routes.port.PageSnapshot;
import com.assistantgateway.routes.port.PageSnapshots;
import com.assistantgateway.routes.port.SkippedMessage;
import com.assistantgateway.routes.port.SkippedMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The database side of the channels' ports. */
@Repository
public class JdbcChannelState implements DeliveryLog, SkippedMessages, OptOuts, PageSnapshots {

    private final ChannelStateMapper mapper;
    private final Clock clock;

    public JdbcChannelState(ChannelStateMapper mapper, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    public boolean wasSent(TenantId tenantId, MessageId messageId, int part) {
        return mapper.countDelivery(tenantId, messageId, part) > 0;
    }

    @Override
    public void recordSent(Delivery delivery) {
        try {
            mapper.insertDelivery(delivery);
        } catch (DuplicateKeyException alreadyRecorded) {
            // a redelivery that re-sent nothing; the first record stands
        }
    }

    @Override
    @Transactional
    public Optional<Delivery> updateStatus(
            TenantId tenantId, BindingId bindingId, String channelMessageId, String status, String errorCode) {
        if (mapper.updateDelivery(tenantId, bindingId, channelMessageId, status, errorCode, clock.instant()) == 0) {
            return Optional.empty();
        }
        return mapper.delivery(tenantId, bindingId, channelMessageId);
    }

    /** Every provider message of a reply, part by part. */
    public List<Delivery> deliveries(TenantId tenantId, MessageId messageId) {
        return mapper.deliveries(tenantId, messageId);
    }

    /** The delivery a provider knows by this id on this binding. */
    public Optional<Delivery> deliveryBySid(TenantId tenantId, BindingId bindingId, String channelMessageId) {
        return mapper.delivery(tenantId, bindingId, channelMessageId);
    }

    @Override
    public void record(SkippedMessage skipped) {
        mapper.insertSkipped(skipped);
    }

    @Override
    public List<SkippedMessage> latest(TenantId tenantId, int limit) {
        return mapper.latestSkipped(tenantId, limit);
    }

    @Override
    public boolean isOptedOut(TenantId tenantId, String address) {
        return mapper.countOptOut(tenantId, normalize(address)) > 0;
    }

    @Override
    public void optOut(TenantId tenantId, String address, String keyword, Instant at) {
        try {
            mapper.insertOptOut(tenantId, normalize(address), keyword, at);
        } catch (DuplicateKeyException alreadyOptedOut) {
            // STOP twice is still one opt-out
        }
    }

    @Override
    public void optIn(TenantId tenantId, String address) {
        mapper.deleteOptOut(tenantId, normalize(address));
    }

    @Override
    public Optional<PageSnapshot> find(TenantId tenantId, BindingId bindingId, String url) {
        return mapper.snapshot(tenantId, bindingId, sha256(url));
    }

    @Override
    @Transactional
    public void save(PageSnapshot snapshot) {
        String key = sha256(snapshot.url());
        if (mapper.updateSnapshot(snapshot, key) == 0) {
            mapper.insertSnapshot(snapshot, key);
        }
    }

    /** One opt-out covers a number on SMS and WhatsApp alike. */
    private static String normalize(String address) {
        String plain = address.trim().toLowerCase(Locale.ROOT);
        return plain.startsWith("whatsapp:") ? plain.substring("whatsapp:".length()) : plain;
    }

    private static String sha256(String text) {
        return ChannelSignatures.sha256Hex(text);
    }
}
