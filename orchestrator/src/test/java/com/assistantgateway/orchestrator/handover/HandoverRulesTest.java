package com.assistantgateway.orchestrator.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.HandoverReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoverRulesTest {

    private final HandoverRules rules = new HandoverRules();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I want to talk to a human",
                "Can I speak with a real person please?",
                "Kan ik met een medewerker spreken?",
                "Ich möchte mit einem Mitarbeiter sprechen",
                "Kan jag prata med en människa?",
                "Quero falar com um atendente",
                "¿Puedo hablar con una persona?",
                "Je voudrais parler à un conseiller"
            })
    void aRequestForAPersonInAnyOfOurLanguagesHandsOver(String text) {
        assertThat(rules.before(message(text), List.of())).contains(HandoverReason.CUSTOMER_ASKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"How long is the warranty?", "Is the person who installs it covered?", "Speak up"})
    void anOrdinaryQuestionDoesNot(String text) {
        assertThat(rules.before(message(text), List.of())).isEmpty();
    }

    @Test
    void theSameQuestionAfterAnIDontKnowHandsOverButNotAfterAnAnswer() {
        GatewayMessage first = message("Can I pay with PayPal?");
        GatewayMessage dontKnow = reply(first, "dont-know");
        GatewayMessage answered = reply(first, "answered");

        assertThat(rules.before(message("can i pay with paypal"), List.of(first, dontKnow)))
                .contains(HandoverReason.REPEATED_QUESTION);
        assertThat(rules.before(message("Can I pay with PayPal?"), List.of(first, answered)))
                .isEmpty();
    }

    @Test
    void filesWithoutTextHandOver() {
        GatewayMessage files = GatewayMessage.inbound()
                .tenant(new TenantId("t"))
                .assistant(new AssistantId("a"))
                .channel(new ChannelId("email"))
                .text("(1 attachment(s) without text)")
                .metadata(Map.of(GatewayMessage.NO_TEXT, "true"))
                .build();

        assertThat(rules.before(files, List.of())).contains(HandoverReason.ATTACHMENT_ONLY);
    }

    private static GatewayMessage message(String text) {
        return GatewayMessage.inbound()
                .tenant(new TenantId("t"))
                .assistant(new AssistantId("a"))
                .channel(new ChannelId("webhook"))
                .text(text)
                .build();
    }

    private static GatewayMessage reply(GatewayMessage to, String outcome) {
        return to.reply(
                MessageId.random(), "…", List.of(), 0.1, Map.of(AssistantAnswer.META_OUTCOME, outcome), Instant.now());
    }
}
