package com.assistantgateway.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailOutboundTest {

    @Test
    void replySubjectsGetOneRePrefixNeverStacked() {
        assertThat(EmailOutbound.subject("Warranty question")).isEqualTo("Re: Warranty question");
        assertThat(EmailOutbound.subject("Re: Warranty question")).isEqualTo("Re: Warranty question");
        assertThat(EmailOutbound.subject("RE: Re: Warranty")).isEqualTo("RE: Re: Warranty");
        assertThat(EmailOutbound.subject("AW: Garantie")).isEqualTo("AW: Garantie");
        assertThat(EmailOutbound.subject("Antw: Garantie")).isEqualTo("Antw: Garantie");
        assertThat(EmailOutbound.subject("Review of my order")).isEqualTo("Re: Review of my order");
        assertThat(EmailOutbound.subject(null)).isEqualTo("Re: your message");
    }

    @Test
    void referencesContinueTheChainAndKeepTheFirstIdWhenTrimmed() {
        assertThat(EmailOutbound.references("<a@x> <b@x>", "<c@x>")).containsExactly("<a@x>", "<b@x>", "<c@x>");
        assertThat(EmailOutbound.references(null, "<c@x>")).containsExactly("<c@x>");

        StringBuilder long_ = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            long_.append("<m").append(i).append("@x> ");
        }
        List<String> trimmed = EmailOutbound.references(long_.toString(), "<last@x>");
        assertThat(trimmed)
                .hasSize(EmailOutbound.MAX_REFERENCES)
                .startsWith("<m0@x>")
                .endsWith("<last@x>");
    }

    @Test
    void ourMessageIdsAreRecognizedPerDomain() {
        assertThat(ReplyMail.isOurs("<gw.0b7c@demo.example>", "demo.example")).isTrue();
        assertThat(ReplyMail.isOurs("<GW.0b7c@Demo.Example>", "demo.example")).isTrue();
        assertThat(ReplyMail.isOurs("<gw.0b7c@other.example>", "demo.example")).isFalse();
        assertThat(ReplyMail.isOurs("<CAF=abc@mail.gmail.com>", "demo.example")).isFalse();
    }
}
