package com.assistantgateway.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.routes.backbone.Problems;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import com.assistantgateway.routes.port.InboundLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientLimitsTest {

    /** Lets two requests of an address through, then refuses with 2.3 s to wait. */
    static final class TwoPerAddress implements InboundLimits {
        final List<String> seen = new ArrayList<>();

        @Override
        public Optional<Refusal> admit(GatewayMessage inbound) {
            return Optional.empty();
        }

        @Override
        public Reservation reserve(GatewayMessage inbound) {
            return Reservation.NOW;
        }

        @Override
        public Optional<Refusal> admitClient(String address) {
            seen.add(address);
            return seen.stream().filter(address::equals).count() <= 2
                    ? Optional.empty()
                    : Optional.of(new Refusal("client", 2, Duration.ofMillis(2300)));
        }

        @Override
        public Usage usage(TenantId tenantId) {
            return new Usage(0, 0, 0, "plan", -1, Long.MIN_VALUE);
        }
    }

    /** A channel whose provider pushes to {@code /channels/twilio/} from addresses every tenant shares. */
    static final ChannelType TWILIO = new ChannelType() {
        @Override
        public ChannelId id() {
            return new ChannelId("sms");
        }

        @Override
        public String inboundAddress(String publicBaseUrl, String inboundKey) {
            return publicBaseUrl + "/channels/twilio/" + inboundKey + "/sms";
        }

        @Override
        public Optional<String> providerPushPath() {
            return Optional.of("/channels/twilio/");
        }
    };

    @Test
    void aProvidersPushesAreLeftToTheTenantsLimitsSinceItsAddressCarriesEveryTenantsTraffic() throws Exception {
        TwoPerAddress limits = new TwoPerAddress();
        ClientLimits filter = new ClientLimits(limits, new Problems(), List.of(TWILIO));

        List<Boolean> passed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/channels/twilio/demo-sms/sms");
            request.setRemoteAddr("54.172.60.1");
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            passed.add(chain.getRequest() != null);
        }

        assertThat(passed).containsExactly(true, true, true);
        assertThat(limits.seen).isEmpty();
    }

    @Test
    void anAddressOverItsLimitGets429WithRetryAfterRoundedUpAndTheRequestGoesNoFurther() throws Exception {
        TwoPerAddress limits = new TwoPerAddress();
        ClientLimits filter = new ClientLimits(limits, new Problems(), List.of(TWILIO));

        List<Integer> statuses = new ArrayList<>();
        List<Boolean> passed = new ArrayList<>();
        MockHttpServletResponse last = null;
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/channels/webhook/demo");
            request.setRemoteAddr("203.0.113.7");
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, response, chain);
            statuses.add(response.getStatus());
            passed.add(chain.getRequest() != null);
            last = response;
        }
        MockHttpServletRequest other = new MockHttpServletRequest("POST", "/channels/webhook/demo");
        other.setRemoteAddr("198.51.100.1");
        MockFilterChain otherChain = new MockFilterChain();
        filter.doFilter(other, new MockHttpServletResponse(), otherChain);

        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(passed).containsExactly(true, true, false);
        assertThat(last.getHeader("Retry-After")).isEqualTo("3");
        assertThat(last.getContentType()).isEqualTo("application/problem+json");
        assertThat(last.getContentAsString()).contains("rate-limited", "2 requests a minute");
        assertThat(otherChain.getRequest()).isNotNull();
    }
}
