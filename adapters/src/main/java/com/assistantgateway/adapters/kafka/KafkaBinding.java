package com.assistantgateway.adapters.kafka;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;

/**
 * A Kafka binding: its inbound key is the topic it consumes; replies go to {@link #REPLY_TOPIC} with the record's
 * key. {@link #BROKERS} overrides the gateway's brokers for this binding.
 */
public final class KafkaBinding {

    public static final ChannelId CHANNEL = new ChannelId("kafka");
    public static final String REPLY_TOPIC = "replyTopic";
    public static final String BROKERS = "brokers";
    /** Consumer group; default {@code gateway.<tenant>.<binding>}. */
    public static final String GROUP_ID = "groupId";

    private KafkaBinding() {}

    static String brokers(ChannelBinding binding, KafkaChannelProperties properties) {
        return binding.setting(BROKERS).orElse(properties.brokers());
    }

    static String replyTopic(ChannelBinding binding) {
        return binding.setting(REPLY_TOPIC).orElse(binding.inboundKey() + ".replies");
    }

    static String groupId(ChannelBinding binding) {
        return binding.setting(GROUP_ID).orElse("gateway." + binding.tenantId().value() + "." + binding.id());
    }
}
