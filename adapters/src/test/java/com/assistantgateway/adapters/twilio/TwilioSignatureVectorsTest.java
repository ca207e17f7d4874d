package com.assistantgateway.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.assistantgateway.adapters.FixedBindings;
import com.assistantgateway.routes.backbone.ChannelOutcomes;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.assistantgateway.routes.port.OptOuts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Twilio's own signature test vectors (twilio-java, twilio-python) through the webhook's validation. */
class TwilioSignatureVectorsTest {

    static JsonNode vectors() throws Exception {
        return CanonicalJson.mapper().readTree(Files.readString(Path.of("../testdata/twilio/signature-vectors.json")));
    }

    static Stream<JsonNode> formCases() throws Exception {
        return Stream.of(vectors().get("cases").elements())
                .flatMap(it -> {
                    Stream.Builder<JsonNode> cases = Stream.builder();
                    it.forEachRemaining(cases::add);
                    return cases.build();
                })
                .filter(c -> c.has("params"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formCases")
    void validSignaturesPassAndOthersAre403(JsonNode vector) throws Exception {
        ChannelBinding binding = new ChannelBinding(
                new BindingId("sms"),
                new TenantId("acme"),
                new AssistantId("support"),
                new ChannelId("sms"),
                "acme-sms",
                null,
                TwilioBinding.credentials(vectors().get("auth_token").asText()));
        TwilioWebhooks webhooks = new TwilioWebhooks(
                FixedBindings.of(binding),
                mock(OptOuts.class),
                mock(ChannelOutcomes.class),
                new TwilioProperties(
                        "", "", "https://api.twilio.com", "", Duration.ofHours(24), new TwilioProperties.Pacing(1, 80)),
                Clock.systemUTC());
        URI url = URI.create(vector.get("url").asText());
        StringBuilder form = new StringBuilder();
        vector.get("params").fields().forEachRemaining(e -> form.append(form.isEmpty() ? "" : "&")
                .append(e.getKey())
                .append('=')
                .append(URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
        String requestUrl = url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();

        var call = (org.assertj.core.api.ThrowableAssert.ThrowingCallable) () -> webhooks.status(
                TwilioBinding.SMS,
                "acme-sms",
                vector.get("signature").asText(),
                requestUrl,
                url.getRawQuery(),
                null,
                null,
                form.toString());

        if (vector.get("valid").asBoolean()) {
            // The signature passes; the vector is a voice call, so the status callback then misses MessageStatus.
            assertThatThrownBy(call).isInstanceOfSatisfying(ChannelRequestException.class, e -> assertThat(e.status())
                    .isEqualTo(400));
        } else {
            assertThatThrownBy(call).isInstanceOfSatisfying(ChannelRequestException.class, e -> assertThat(e.status())
                    .isEqualTo(403));
        }
    }
}
