package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import org.apache.camel.Header;
import org.apache.camel.builder.endpoint.StaticEndpointBuilders;
import org.apache.camel.builder.endpoint.dsl.JmsEndpointBuilderFactory.JmsEndpointConsumerBuilder;
import org.springframework.stereotype.Component;

/**
 * The queue topology: one ingress queue, one queue per tenant, one egress queue and one outbound queue per channel.
 * The broker gives each of them a {@code DLQ.}-prefixed dead-letter queue.
 */
@Component
public class GatewayQueues {

    public static final String INGRESS = "gateway.ingress";
    public static final String EGRESS = "gateway.egress";
    /** Knowledge ingestion jobs: one message per source version to extract, embed and store. */
    public static final String KNOWLEDGE_INGEST = "gateway.knowledge.ingest";
    /** Where a message without routing headers lands; it should stay empty. */
    public static final String UNROUTABLE = "gateway.unroutable";

    private static final String TENANT_PREFIX = "gateway.tenant.";
    private static final String CHANNEL_PREFIX = "gateway.egress.";

    public static String tenantQueue(TenantId tenantId) {
        return TENANT_PREFIX + tenantId.value();
    }

    public static String channelQueue(ChannelId channel) {
        return CHANNEL_PREFIX + channel.value();
    }

    /**
     * A consumer whose delivery, and every send made while handling it, commit in one local JMS transaction: a
     * failure rolls all of it back and the broker redelivers.
     */
    public static JmsEndpointConsumerBuilder transacted(String queue) {
        return StaticEndpointBuilders.jms("queue:" + queue)
                .transacted(true)
                .cacheLevelName("CACHE_CONSUMER")
                .advanced()
                .lazyCreateTransactionManager(false)
                .basic();
    }

    public String tenantQueueFor(@Header(GatewayHeaders.TENANT_ID) String tenantId) {
        return tenantQueue(new TenantId(tenantId));
    }

    public String channelQueueFor(@Header(GatewayHeaders.CHANNEL) String channel) {
        return channelQueue(new ChannelId(channel));
    }
}
