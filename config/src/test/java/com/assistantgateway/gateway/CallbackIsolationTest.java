package com.assistantgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.adapters.webhook.WebhookBinding;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One tenant's callback receiver accepts connections and never answers: its replies wait for it, while another
 * tenant's callbacks keep arriving one after the other, none of them waiting for the stuck receiver's timeout. (How
 * fast they arrive is measured by the fairness benchmark, not here: a timed comparison on a shared machine only
 * measures the machine.)
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallbackIsolationTest {

    static final AssistantId ECHO = new AssistantId("echo");
    /** How long a callback waits for an answer; a callback queued behind the stuck receiver would wait as long. */
    static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(60);
    /** Far above a callback's usual tens of milliseconds, far below {@link #CALLBACK_TIMEOUT}. */
    static final Duration UNBLOCKED = Duration.ofSeconds(10);

    static final CallbackReceiver quick = receiver();
    static final HangingReceiver hanging = new HangingReceiver();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("callback-isolation");
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.demo.enabled", () -> "false");
        registry.add("gateway.routes.outbound.response-timeout", CALLBACK_TIMEOUT::toString);
    }

    @Autowired
    TenantRegistry registry;

    @LocalServerPort
    int port;

    @AfterAll
    static void close() {
        quick.close();
        hanging.close();
    }

    @Test
    void aReceiverThatNeverAnswersHoldsBackOnlyItsOwnTenantsCallbacks() {
        tenant("quickco", quick.url("/hook"));
        tenant("stuckco", hanging.url());
        GatewayClient client = new GatewayClient(port);
        for (int i = 0; i < 40; i++) {
            assertThat(client.ask("stuckco-hook", "stuckco-token", "Stuck " + i).statusCode())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hanging.connections() >= 2);
        long stuckSince = System.nanoTime();

        List<Duration> quickCallbacks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            quickCallbacks.add(callbackOf(client, "Quick " + i));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - stuckSince))
                .as("every quick callback arrived while the stuck receiver still held its connections")
                .isLessThan(CALLBACK_TIMEOUT);
        assertThat(quickCallbacks).allSatisfy(took -> assertThat(took).isLessThan(UNBLOCKED));
        assertThat(hanging.connections())
                .as("the stuck tenant's callbacks wait for their receiver, not for the quick one")
                .isGreaterThanOrEqualTo(2);
        System.out.printf(
                "quickco: 100 callbacks while stuckco's receiver held %d connections, slowest %d ms%n",
                hanging.connections(),
                quickCallbacks.stream().max(Duration::compareTo).orElseThrow().toMillis());
    }

    /** From the message's POST until its callback arrived. */
    private Duration callbackOf(GatewayClient client, String text) {
        long sent = System.nanoTime();
        String messageId = GatewayClient.read(
                        client.ask("quickco-hook", "quickco-token", text).body())
                .get("messageId")
                .asText();
        CallbackReceiver.Received callback = await().atMost(CALLBACK_TIMEOUT)
                .pollInterval(Duration.ofMillis(1))
                .until(() -> quick.receivedContaining(messageId), found -> !found.isEmpty())
                .get(0);
        return Duration.ofNanos(callback.arrivedNanos() - sent);
    }

    private void tenant(String slug, String callbackUrl) {
        TenantId tenant = new TenantId(slug);
        registry.createTenant(new NewTenant(tenant, slug, "business", "retail", List.of("en")), "test");
        registry.createAssistant(tenant, new NewAssistant(ECHO, "echo", "Echo", null, null, Map.of()), "test");
        registry.createBinding(
                tenant,
                new NewBinding(
                        new BindingId("hook"),
                        ECHO,
                        WebhookBinding.CHANNEL,
                        slug + "-hook",
                        WebhookBinding.settings(callbackUrl),
                        WebhookBinding.credentials(slug + "-token", null)),
                "test");
    }

    private static CallbackReceiver receiver() {
        try {
            return new CallbackReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A callback endpoint that takes every connection and never says a word. */
    static final class HangingReceiver implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        HangingReceiver() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                held.add(server.accept());
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    },
                    "hanging-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
        }

        int connections() {
            return held.size();
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : held) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
