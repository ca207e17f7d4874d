package com.assistantgateway.routes.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayMessageJsonTest {

    private final GatewayMessage inbound = GatewayMessage.inbound()
            .tenant(new TenantId("acme"))
            .assistant(new AssistantId("support"))
            .conversation(new ConversationId("order-1234"))
            .channel(new ChannelId("webhook"))
            .binding(new BindingId("webhook-main"))
            .from("customer@example.com")
            .to("acme-support")
            .subject("Brake caliper")
            .text("Is my caliper still under warranty? Ünïcode ✓")
            .attachments(List.of(new AttachmentRef("https://media.example/1.jpg", "image/jpeg", "photo.jpg", 2048L)))
            .channelMessageId("idem-42")
            .locale("nl-NL")
            .createdAt(Instant.parse("2026-11-24T08:00:00Z"))
            .receivedAt(Instant.parse("2026-11-24T08:00:01.123Z"))
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .metadata(Map.of("orderNumber", "1234"))
            .build();

    @Test
    void inboundMessageRoundTripsThroughItsWireForm() {
        String json = CanonicalJson.write(inbound);

        assertThat(CanonicalJson.read(json)).isEqualTo(inbound);
        assertThat(json)
                .contains("\"schemaVersion\":1")
                .contains("\"tenantId\":\"acme\"")
                .contains("\"direction\":\"INBOUND\"")
                .contains("\"receivedAt\":\"2026-11-24T08:00:01.123Z\"");
    }

    @Test
    void replyRoundTripsWithCitationsAndConfidence() {
        GatewayMessage reply = inbound.reply(
                MessageId.random(),
                "Yes, 2 years.",
                List.of(new Citation("warranty.md", "Warranty > Periods", "Brake parts: 2 years.")),
                0.71,
                Instant.parse("2026-11-24T08:00:02Z"));

        GatewayMessage read = CanonicalJson.read(CanonicalJson.write(reply));

        assertThat(read).isEqualTo(reply);
        assertThat(read.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(read.inReplyTo()).isEqualTo(inbound.id());
        assertThat(read.from()).isEqualTo("acme-support");
        assertThat(read.to()).isEqualTo("customer@example.com");
    }

    @Test
    void readerIgnoresFieldsOfANewerMinorRevision() {
        String json = CanonicalJson.write(inbound).replace("{\"schemaVersion\":1,", "{\"schemaVersion\":1,\"x\":2,");

        assertThat(CanonicalJson.read(json)).isEqualTo(inbound);
    }

    @Test
    void publishedSchemaDescribesEveryFieldOfTheRecord() throws Exception {
        var schema = CanonicalJson.mapper().readTree(getClass().getResourceAsStream("/schema/gateway-message-v1.json"));
        List<String> documented = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);

        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(GatewayMessage.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
        assertThat(schema.at("/properties/schemaVersion/const").asInt()).isEqualTo(GatewayMessage.SCHEMA_VERSION);
    }

    @Test
    void messageWithoutTenantIsRejected() {
        String json = CanonicalJson.write(inbound).replace("\"tenantId\":\"acme\",", "");

        assertThatThrownBy(() -> CanonicalJson.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenantId");
    }

    @Test
    void idsRejectValuesThatCouldEscapeAQueueOrRouteName() {
        assertThatThrownBy(() -> new TenantId("acme.#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantId("ACME")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ConversationId.isValid("thread:<a@b>")).isFalse();
        assertThat(MessageId.isValid(MessageId.random().value())).isTrue();
    }
}
