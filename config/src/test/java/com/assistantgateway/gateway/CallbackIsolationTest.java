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
 * One tenant's callback receiver accepts connections and never answers: its replies wait for it, and another
 * tenant's callbacks arrive as fast as they did before it had any.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallbackIsolationTest {

    static final AssistantId ECHO = new AssistantId("echo");
    static final CallbackReceiver quick = receiver();
    static final HangingReceiver hanging = new HangingReceiver();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("callback-isolation");
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.demo.enabled", () -> "false");
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
        measure(client, 200); // warm-up: JIT, connection pools, consumers

        List<Long> alone = measure(client, 100);
        for (int i = 0; i < 40; i++) {
            assertThat(client.ask("stuckco-hook", "stuckco-token", "Stuck " + i).statusCode())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hanging.connections() >= 2);
        List<Long> beside = measure(client, 100);

        long p95Alone = p95(alone);
        long p95Beside = p95(beside);
        System.out.printf(
                "quickco callback p95: %.1f ms alone, %.1f ms beside a receiver that never answers%n",
                p95Alone / 1e6, p95Beside / 1e6);
        assertThat(p95Beside).isLessThanOrEqualTo(p95Alone + p95Alone / 10);
    }

    /** Latencies (ns) from each message's POST until its callback arrived, one message at a time. */
    private static List<Long> measure(GatewayClient client, int messages) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            long sent = System.nanoTime();
            String messageId = GatewayClient.read(client.ask("quickco-hook", "quickco-token", "Quick " + i)
                            .body())
                    .get("messageId")
                    .asText();
            CallbackReceiver.Received callback = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> quick.receivedContaining(messageId), found -> !found.isEmpty())
                    .get(0);
            latencies.add(callback.arrivedNanos() - sent);
        }
        return latencies;
    }

    private static long p95(List<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
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
