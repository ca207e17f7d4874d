package com.assistantgateway.routes.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.Assistants;
import com.assistantgateway.routes.port.InboundState;
import com.assistantgateway.routes.port.MessageLedger;
import com.assistantgateway.routes.port.MessageStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AnswerStepTest {

    private final MessageLedger ledger = mock(MessageLedger.class);
    private final Assistants assistants = mock(Assistants.class);
    private final RoutesProperties properties = new RoutesProperties(
            1,
            5,
            new RoutesProperties.Redelivery(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 3),
            new RoutesProperties.Recovery(Duration.ofSeconds(30), Duration.ofMinutes(1), 100),
            Duration.ofSeconds(30),
            RoutesProperties.Outbound.publicHttpsOnly(),
            new RoutesProperties.Polling(4),
            2);
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AnswerStep step =
            new AnswerStep(ledger, assistants, properties, meters, Clock.fixed(now, ZoneOffset.UTC));

    private final GatewayMessage inbound = GatewayMessage.inbound()
            .tenant(new TenantId("acme"))
            .assistant(new AssistantId("support"))
            .channel(new ChannelId("webhook"))
            .from("customer")
            .to("acme")
            .text("warranty?")
            .receivedAt(now.minusSeconds(2))
            .build();

    @Test
    void answersStoresAndReturnsTheReplyWithHistory() {
        GatewayMessage earlier = GatewayMessage.inbound()
                .tenant(inbound.tenantId())
                .assistant(inbound.assistantId())
                .conversation(inbound.conversationId())
                .channel(new ChannelId("webhook"))
                .text("hello")
                .build();
        when(ledger.inboundState(inbound.tenantId(), inbound.id())).thenReturn(Optional.of(open()));
        when(ledger.history(inbound.tenantId(), inbound.conversationId(), inbound.id(), 5))
                .thenReturn(List.of(earlier));
        Citation citation = new Citation("warranty.md", "Warranty", "2 years");
        when(assistants.answer(any())).thenReturn(new AssistantAnswer("2 years.", List.of(citation), 0.8));

        GatewayMessage reply = step.answer(inbound, null, 1);

        ArgumentCaptor<AssistantRequest> asked = ArgumentCaptor.forClass(AssistantRequest.class);
        verify(assistants).answer(asked.capture());
        assertThat(asked.getValue().history()).containsExactly(earlier);
        assertThat(reply.text()).isEqualTo("2 years.");
        assertThat(reply.inReplyTo()).isEqualTo(inbound.id());
        assertThat(reply.citations()).containsExactly(citation);
        assertThat(reply.confidence()).isEqualTo(0.8);
        assertThat(reply.receivedAt()).isEqualTo(now);
        // Answer latency: from the message's receipt to its reply, two seconds on the test's clock.
        assertThat(meters.get("gateway.answer.latency").timer().totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(2.0);
        assertThat(reply.metadata()).containsEntry(AssistantAnswer.META_OUTCOME, "answered");
        verify(ledger).recordReply(reply, List.of());
    }

    @Test
    void redeliveredMessageGetsItsStoredReplyAgainAndIsNeverAnsweredTwice() {
        GatewayMessage stored = inbound.reply(MessageId.random(), "2 years.", List.of(), 0.8, now);
        when(ledger.inboundState(inbound.tenantId(), inbound.id())).thenReturn(Optional.of(answered(stored)));

        assertThat(step.answer(inbound, null, 1)).isSameAs(stored);
        verify(assistants, never()).answer(any());
        verify(ledger, never()).recordReply(any(), any());
    }

    @Test
    void recoveredCopyOfAnAnsweredMessageIsDroppedOnItsFirstDeliveryButResentWhenRedelivered() {
        GatewayMessage stored = inbound.reply(MessageId.random(), "2 years.", List.of(), 0.8, now);
        when(ledger.inboundState(inbound.tenantId(), inbound.id())).thenReturn(Optional.of(answered(stored)));

        assertThat(step.answer(inbound, true, 1)).isNull();
        assertThat(step.answer(inbound, true, 2)).isSameAs(stored);
        verify(assistants, never()).answer(any());
    }

    @Test
    void recoveredCopyOfAnUnansweredMessageIsAnswered() {
        when(ledger.inboundState(inbound.tenantId(), inbound.id())).thenReturn(Optional.of(open()));
        when(assistants.answer(any())).thenReturn(new AssistantAnswer("2 years.", List.of(), 0.8));

        assertThat(step.answer(inbound, true, 1).text()).isEqualTo("2 years.");
    }

    @Test
    void messageTheLedgerNeverAcceptedIsDropped() {
        when(ledger.inboundState(inbound.tenantId(), inbound.id())).thenReturn(Optional.empty());

        assertThat(step.answer(inbound, null, 1)).isNull();
        verify(assistants, never()).answer(any());
        verify(ledger, never()).history(any(), any(), eq(inbound.id()), anyInt());
    }

    @Test
    void messageOfATakenOverConversationWaitsForTheAgentAndNoAssistantAnswersIt() {
        when(ledger.inboundState(inbound.tenantId(), inbound.id()))
                .thenReturn(Optional.of(new InboundState(MessageStatus.QUEUED, Optional.empty(), true)));
        when(ledger.holdForAgent(inbound.tenantId(), inbound.id(), inbound.conversationId()))
                .thenReturn(true);

        assertThat(step.answer(inbound, null, 1)).isNull();
        verify(assistants, never()).answer(any());
        verify(ledger, never()).recordReply(any(), any());
    }

    @Test
    void conversationHandedBackBetweenTheReadAndTheHoldIsAnsweredByTheAssistant() {
        when(ledger.inboundState(inbound.tenantId(), inbound.id()))
                .thenReturn(Optional.of(new InboundState(MessageStatus.QUEUED, Optional.empty(), true)));
        when(ledger.holdForAgent(inbound.tenantId(), inbound.id(), inbound.conversationId()))
                .thenReturn(false);
        when(assistants.answer(any())).thenReturn(new AssistantAnswer("2 years.", List.of(), 0.8));

        assertThat(step.answer(inbound, null, 1).text()).isEqualTo("2 years.");
    }

    @Test
    void answeringAnOpenConversationWritesOnlyTheReply() {
        when(ledger.inboundState(inbound.tenantId(), inbound.id())).thenReturn(Optional.of(open()));
        when(assistants.answer(any())).thenReturn(new AssistantAnswer("2 years.", List.of(), 0.8));

        GatewayMessage reply = step.answer(inbound, null, 1);

        verify(ledger).recordReply(reply, List.of());
        verify(ledger, never()).holdForAgent(any(), any(), any());
        verify(ledger, never()).markProcessing(any(), any());
    }

    private static InboundState open() {
        return new InboundState(MessageStatus.RECEIVED, Optional.empty(), false);
    }

    private static InboundState answered(GatewayMessage reply) {
        return new InboundState(MessageStatus.ANSWERED, Optional.of(reply), false);
    }
}
