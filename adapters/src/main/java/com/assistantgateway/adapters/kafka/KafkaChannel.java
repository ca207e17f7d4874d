package com.assistantgateway.adapters.kafka;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The Kafka channel: a topic consumed, a reply topic produced. On the platform's shared brokers a tenant's topics and
 * consumer groups live in its own namespace ({@code <tenant>.} and {@code gateway.<tenant>.}), so no tenant reads,
 * writes or joins the group of another. A binding may name brokers of its own only where the platform allows them for
 * its tenant: a Kafka client connects to whatever hosts its brokers advertise, which no connect-time check can follow.
 */
@Component
public class KafkaChannel implements ChannelType {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final KafkaChannelProperties properties;

    public KafkaChannel(KafkaChannelProperties properties) {
        this.properties = properties;
    }

    @Override
    public ChannelId id() {
        return KafkaBinding.CHANNEL;
    }

    @Override
    public String inboundAddress(String publicBaseUrl, String inboundKey) {
        return inboundKey;
    }

    @Override
    public List<String> problems(TenantId tenant, String topic, Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        String replyTopic = settings.getOrDefault(KafkaBinding.REPLY_TOPIC, "");
        for (String name : List.of(topic, replyTopic)) {
            if (!name.isBlank() && !TOPIC.matcher(name).matches()) {
                problems.add("'" + name + "' is not a Kafka topic name (letters, digits, '.', '_', '-')");
            }
        }
        String brokers = settings.getOrDefault(KafkaBinding.BROKERS, "");
        if (!brokers.isBlank()) {
            String allowed = properties.tenantBrokers().get(tenant.value());
            if (allowed == null || !hosts(allowed).containsAll(hosts(brokers))) {
                problems.add("brokers of your own need the platform operator to allow them for your tenant"
                        + " (gateway.adapters.kafka.tenant-brokers." + tenant.value() + "); without the setting the"
                        + " platform's brokers are used");
            }
            return problems;
        }
        String namespace = tenant.value() + ".";
        if (!topic.startsWith(namespace)) {
            problems.add("on the platform's Kafka your topics start with '" + namespace + "': '" + namespace + topic
                    + "', not '" + topic + "'");
        }
        if (!replyTopic.isBlank() && !replyTopic.startsWith(namespace)) {
            problems.add(KafkaBinding.REPLY_TOPIC + " must start with '" + namespace + "' on the platform's Kafka");
        }
        String group = settings.getOrDefault(KafkaBinding.GROUP_ID, "");
        String groups = "gateway." + namespace;
        if (!group.isBlank() && !group.startsWith(groups)) {
            problems.add(KafkaBinding.GROUP_ID + " must start with '" + groups + "' on the platform's Kafka");
        }
        return problems;
    }

    private static Set<String> hosts(String brokers) {
        return Arrays.stream(brokers.split("[,\\s]+"))
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .collect(Collectors.toSet());
    }
}
