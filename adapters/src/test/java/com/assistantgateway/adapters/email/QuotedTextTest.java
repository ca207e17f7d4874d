package com.assistantgateway.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    @Test
    void gmailAttributionAndQuotedLinesAreCut() {
        String body = "Yes, the 14 inch one.\n\nOn Tue, 3 May 2022 at 10:00, Demo Car Parts <support@demo.example>\n"
                + "wrote:\n> Which caliper do you need?\n> Regards";

        assertThat(QuotedText.newText(body)).isEqualTo("Yes, the 14 inch one.");
    }

    @Test
    void outlookHeaderBlockWithoutSeparatorIsCut() {
        String body = "Thanks, that helps.\r\n\r\nFrom: Demo Car Parts <support@demo.example>\r\n"
                + "Sent: Tuesday, May 3, 2022 10:00\r\nTo: Ann\r\nSubject: RE: Warranty\r\n\r\nOld answer";

        assertThat(QuotedText.newText(body)).isEqualTo("Thanks, that helps.");
    }

    @Test
    void dutchAttributionSignatureAndMobileFooterAreCut() {
        assertThat(QuotedText.newText("Prima!\n\nOp di 3 mei 2022 om 10:00 schreef Demo <a@b.nl>:\n> oud"))
                .isEqualTo("Prima!");
        assertThat(QuotedText.newText("See you Saturday.\n-- \nAnn Smith\nSmith Garage"))
                .isEqualTo("See you Saturday.");
        assertThat(QuotedText.newText("OK\n\nSent from my iPhone")).isEqualTo("OK");
    }

    @Test
    void inlineAnswersBetweenQuotesAreKept() {
        String body = "> Which size?\n14 inch\n> Which car?\nA 2015 Golf";

        assertThat(QuotedText.newText(body)).isEqualTo("14 inch\nA 2015 Golf");
    }

    @Test
    void aMailThatIsOnlyQuotedKeepsItsText() {
        assertThat(QuotedText.newText("> forwarded without comment")).isEqualTo("> forwarded without comment");
    }

    @Test
    void realWorldReplyKeepsOnlyTheNewText() throws Exception {
        MailContent content = MailContent.of(RealMail.load("plain_emails/raw_email_reply.eml"));

        assertThat(QuotedText.newText(content.text())).doesNotContain("\n>").isNotBlank();
    }
}
