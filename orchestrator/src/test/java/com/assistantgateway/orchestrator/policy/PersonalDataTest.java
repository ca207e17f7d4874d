package com.assistantgateway.orchestrator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.orchestrator.testing.OpenOutbound;
import com.assistantgateway.routes.port.AnswerPolicy;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private final PersonalData personalData = new PersonalData(new NameDetector(OpenOutbound.http()));
    private final AnswerPolicy policy = AnswerPolicy.defaults();

    @Test
    void eachKindGetsItsOwnNumberedPlaceholderAndTheReplyGetsTheValuesBack() {
        Placeholders placeholders = new Placeholders();
        String text = "Mail jan.jansen@example.com or anna@example.org, call +31 6 12345678 or 06-87654321,"
                + " refund to NL91 ABNA 0417 1643 00, card 4111 1111 1111 1111. Again: jan.jansen@example.com";

        String redacted = personalData.redact(text, policy, placeholders);

        assertThat(redacted)
                .isEqualTo("Mail [EMAIL_1] or [EMAIL_2], call [PHONE_1] or [PHONE_2], refund to [IBAN_1], card"
                        + " [CARD_1]. Again: [EMAIL_1]");
        assertThat(placeholders.summary()).isEqualTo("card x1, email x2, iban x1, phone x2");
        assertThat(placeholders.restore("We wrote to [EMAIL_1] and will refund [IBAN_1]."))
                .isEqualTo("We wrote to jan.jansen@example.com and will refund NL91 ABNA 0417 1643 00.");
    }

    @Test
    void numbersThatFailTheirCheckStayAsTheyAre() {
        Placeholders placeholders = new Placeholders();
        // Order number, price, a card number with a wrong check digit, an IBAN with wrong check digits, a year.
        String text = "Order 20241107-5531 cost 129.95 euro; card 4111 1111 1111 1112; IBAN NL92ABNA0417164300; 2015";

        assertThat(personalData.redact(text, policy, placeholders)).isEqualTo(text);
        assertThat(placeholders.isEmpty()).isTrue();
    }

    @Test
    void aKindThePolicyLeavesOutIsNotReplaced() {
        AnswerPolicy phonesOnly = new AnswerPolicy(
                1, true, false, true, false, false, "", List.of("NL"), List.of(), List.of(), false, 0, List.of(), "");

        assertThat(personalData.redact("jan@example.com, 020 123 4567", phonesOnly, new Placeholders()))
                .isEqualTo("jan@example.com, [PHONE_1]");
    }

    @Test
    void namesComeFromAPresidioAnalyzerAndItsOutageFailsClosed() throws IOException {
        HttpServer presidio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        presidio.createContext("/analyze", exchange -> {
            byte[] body = "[{\"entity_type\":\"PERSON\",\"start\":11,\"end\":21,\"score\":0.85}]"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        presidio.start();
        String url = "http://127.0.0.1:" + presidio.getAddress().getPort();
        AnswerPolicy withNames = new AnswerPolicy(
                1, true, true, true, true, true, url, List.of("NL"), List.of(), List.of(), false, 0, List.of(), "");
        try {
            assertThat(personalData.redact("My name is Jan Jansen.", withNames, new Placeholders()))
                    .isEqualTo("My name is [NAME_1].");
        } finally {
            presidio.stop(0);
        }

        assertThatThrownBy(() -> personalData.redact("My name is Jan Jansen.", withNames, new Placeholders()))
                .isInstanceOf(NameDetector.Unavailable.class);
    }
}
