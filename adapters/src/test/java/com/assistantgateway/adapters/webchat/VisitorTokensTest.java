package com.assistantgateway.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.adapters.webchat.VisitorTokens.Kind;
import com.assistantgateway.adapters.webchat.VisitorTokens.Visitor;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitorTokensTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    final ChannelBinding binding = binding("acme", "chat", "key-1");
    final Visitor visitor =
            new Visitor(binding.tenantId(), binding.id(), "visitor-1", false, new ConversationId("c-1"), null);

    @Test
    void aSessionVerifiesForItsBindingAndPurposeUntilItExpires() {
        String token = at(NOW).issue(binding, Kind.SESSION, visitor, Duration.ofMinutes(30));

        Visitor verified =
                at(NOW.plusSeconds(60)).verify(binding, Kind.SESSION, token).orElseThrow();
        assertThat(verified.visitor()).isEqualTo("visitor-1");
        assertThat(verified.conversation()).isEqualTo(new ConversationId("c-1"));
        assertThat(verified.verified()).isFalse();
        assertThat(at(NOW.plusSeconds(1800)).verify(binding, Kind.SESSION, token))
                .isEmpty();
        assertThat(at(NOW).verify(binding, Kind.RESUME, token))
                .as("a session is no resume token")
                .isEmpty();
    }

    @Test
    void anotherBindingsTokenOrATamperedOneIsRefused() {
        String token = at(NOW).issue(binding, Kind.SESSION, visitor, Duration.ofMinutes(30));

        assertThat(at(NOW).verify(binding("acme", "other", "key-2"), Kind.SESSION, token))
                .isEmpty();
        assertThat(at(NOW).verify(binding("globex", "chat", "key-1"), Kind.SESSION, token))
                .as("the same key in another tenant")
                .isEmpty();
        String payload = token.substring(0, token.indexOf('.'));
        String forged = payload.substring(0, payload.length() - 2) + "AA" + token.substring(token.indexOf('.'));
        assertThat(at(NOW).verify(binding, Kind.SESSION, forged)).isEmpty();
        assertThat(at(NOW).verify(binding, Kind.SESSION, "garbage")).isEmpty();
        assertThat(at(NOW).verify(binding, Kind.SESSION, null)).isEmpty();
    }

    @Test
    void theVisitorHashIsHexHmacSha256OfTheIdAsATenantServerComputesIt() {
        // echo -n 'user-42' | openssl dgst -sha256 -hmac 'secret'
        assertThat(VisitorTokens.visitorHash("secret", "user-42"))
                .isEqualTo("e286b7b944100ab478fe553b39122922de0000aee1d04087dc3e96eefc3a8d47");
    }

    private static VisitorTokens at(Instant now) {
        return new VisitorTokens(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ChannelBinding binding(String tenant, String id, String key) {
        return new ChannelBinding(
                new BindingId(id),
                new TenantId(tenant),
                new AssistantId("support"),
                WebchatBinding.CHANNEL,
                id + "-key",
                Map.of(WebchatBinding.ALLOWED_ORIGINS, "https://shop.example"),
                Map.of(WebchatBinding.SESSION_KEY, key));
    }
}
