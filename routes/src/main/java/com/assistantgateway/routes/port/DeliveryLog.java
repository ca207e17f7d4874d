package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.util.Optional;

/**
 * What outbound senders handed to a provider, part by part (an SMS reply may be several messages), with the
 * provider's id and its latest delivery status. A redelivered reply skips the parts already sent, so none goes twice.
 */
public interface DeliveryLog {

    boolean wasSent(TenantId tenantId, MessageId messageId, int part);

    void recordSent(Delivery delivery);

    /**
     * Applies a provider's status report (Twilio's status callback) to the delivery with that provider id; empty when
     * the id is not one of ours on that binding.
     */
    Optional<Delivery> updateStatus(
            TenantId tenantId, BindingId bindingId, String channelMessageId, String status, String errorCode);
}
