package com.assistantgateway.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.assistantgateway.adapters.FixedBindings;
import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaRecordsTest {

    static final ChannelBinding BINDING = new ChannelBinding(
            new BindingId("orders"),
            new TenantId("acme"),
            new AssistantId("support"),
            new ChannelId("kafka"),
            "acme.questions",
            Map.of(),
            Map.of());

    final ChannelOutcomes outcomes = mock(ChannelOutcomes.class);
    final KafkaRecords records = new KafkaRecords(FixedBindings.of(BINDING), outcomes, Clock.systemUTC());

    @Test
    void aJsonRecordBecomesAMessageInTheKeysConversation() {
        GatewayMessage message = records.normalize(
                "acme",
                "orders",
                "order-42",
                "acme.questions",
                0,
                17L,
                bytes("{\"text\":\"Where is it?\",\"from\":\"crm\"}"));

        assertThat(message.conversationId().value()).isEqualTo("order-42");
        assertThat(message.text()).isEqualTo("Where is it?");
        assertThat(message.from()).isEqualTo("crm");
        assertThat(message.channelMessageId()).isEqualTo("acme.questions/0/17");
    }

    @Test
    void aKeyThatIsNoValidIdMapsToAStableConversation() {
        assertThat(KafkaRecords.conversation("order 42 / ä")).isEqualTo(KafkaRecords.conversation("order 42 / ä"));
        assertThat(KafkaRecords.conversation("order 42 / ä").value())
                .startsWith("kafka-")
                .hasSize(38);
    }

    @Test
    void aRecordWithoutTextIsSkippedAndCounted() {
        assertThat(records.normalize("acme", "orders", "k", "acme.questions", 1, 3L, bytes("{\"from\":\"crm\"}")))
                .isNull();
        verify(outcomes).skipped(eq(BINDING), eq("invalid-record"), eq(null), eq("acme.questions/1/3"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
