package com.assistantgateway.gateway.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.routes.backbone.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ChannelsWhileStartingTest {

    private final AtomicBoolean routesStarted = new AtomicBoolean();
    private final Readiness readiness = new Readiness(
            List.of(() -> routesStarted.get() ? Optional.empty() : Optional.of("channel routes starting")),
            event -> {});
    private final ChannelsWhileStarting filter = new ChannelsWhileStarting(readiness, new Problems());

    @Test
    void aMessageSentBeforeTheGatewayIsReadyIsToldToComeBackNotThatItsAddressIsWrong() throws Exception {
        readiness.on(new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ZERO));
        MockHttpServletResponse response = post();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\":\"starting\"");
    }

    @Test
    void onceReadyEveryRequestGoesToTheChannelEvenIfReadinessLaterDips() throws Exception {
        readiness.on(new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ZERO));
        routesStarted.set(true);
        readiness.announceWhenReady();
        assertThat(post().getStatus()).isEqualTo(200);

        routesStarted.set(false);
        assertThat(readiness.waitingFor()).containsExactly("channel routes starting");
        assertThat(post().getStatus()).isEqualTo(200);
    }

    /** A probe that sees ready, and the first request after it, need no scheduler tick in between. */
    @Test
    void theMomentNothingIsWaitedForAMessageIsTakenWithoutWaitingForTheNextCheck() throws Exception {
        readiness.on(new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ZERO));
        assertThat(post().getStatus()).isEqualTo(503);

        routesStarted.set(true);

        assertThat(post().getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse post() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/channels/webhook/demo");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
