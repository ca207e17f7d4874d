package com.assistantgateway.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.routes.backbone.RoutesProperties;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real connections: an allowed server on 127.0.0.1 (the one network the rules let through) and a forbidden one on
 * 127.0.0.2, both loopback, so the guard's decision is the only difference between them.
 */
class OutboundHttpTest {

    private final OutboundTargets targets = new OutboundTargets(
            new RoutesProperties.Outbound(
                    false, List.of("127.0.0.1/32"), true, Duration.ofSeconds(2), Duration.ofSeconds(2), 4),
            InetAddress::getAllByName);
    private final OutboundHttp http = new OutboundHttp(targets);
    private final AtomicInteger forbiddenHits = new AtomicInteger();
    private HttpServer allowed;
    private HttpServer forbidden;

    @AfterEach
    void stop() throws IOException {
        http.close();
        if (allowed != null) {
            allowed.stop(0);
        }
        if (forbidden != null) {
            forbidden.stop(0);
        }
    }

    @Test
    void anAllowedTargetIsReached() throws Exception {
        startServers();

        String body =
                http.client().execute(new HttpGet(url(allowed, "/page")), r -> EntityUtils.toString(r.getEntity()));

        assertThat(body).isEqualTo("allowed");
    }

    @Test
    void aForbiddenAddressIsNeverConnectedTo() throws Exception {
        startServers();

        assertThatThrownBy(() -> http.client().execute(new HttpGet(url(forbidden, "/secret")), r -> r.getCode()))
                .isInstanceOf(OutboundTargets.TargetRefusedException.class)
                .hasMessageContaining("127.0.0.2");
        assertThat(forbiddenHits).hasValue(0);
    }

    @Test
    void aRedirectToAForbiddenAddressIsNotFollowed() throws Exception {
        startServers();
        allowed.createContext("/hop", exchange -> {
            exchange.getResponseHeaders().add("Location", url(forbidden, "/secret"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });

        assertThatThrownBy(() -> http.client().execute(new HttpGet(url(allowed, "/hop")), r -> r.getCode()))
                .isInstanceOf(OutboundTargets.TargetRefusedException.class);
        assertThat(forbiddenHits).hasValue(0);
    }

    @Test
    void guardedSocketsRefuseForbiddenAddressesAndConnectAllowedOnes() throws Exception {
        GuardedSocketFactory sockets = new GuardedSocketFactory(targets);
        try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"));
                Socket unconnected = sockets.createSocket()) {
            try (Socket connected = sockets.createSocket("127.0.0.1", open.getLocalPort())) {
                assertThat(connected.isConnected()).isTrue();
            }
            assertThatThrownBy(
                            () -> unconnected.connect(new InetSocketAddress("127.0.0.2", closed.getLocalPort()), 1000))
                    .isInstanceOf(OutboundTargets.TargetRefusedException.class);
            assertThat(unconnected.isConnected()).isFalse();
        }
    }

    private void startServers() throws IOException {
        allowed = server("127.0.0.1", "allowed", null);
        forbidden = server("127.0.0.2", "secret", forbiddenHits);
    }

    private static HttpServer server(String address, String answer, AtomicInteger hits) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", exchange -> {
            if (hits != null) {
                hits.incrementAndGet();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path;
    }
}
