package com.assistantgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.gateway.CallbackReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What the gateway promises for every message it accepted, checked the way a customer and an operator can. */
final class Promises {

    private Promises() {}

    /** Every accepted message is answered, as its binding's status endpoint says (on whichever gateway is up). */
    static void everyAcceptedMessageAnswered(LoadDriver load, Supplier<String> gateway, String binding, String token) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> open = new ArrayList<>();
                    for (String id : load.accepted.keySet()) {
                        JsonNode status = LoadDriver.status(http, gateway.get(), binding, token, id);
                        if (status == null
                                || !"answered".equals(status.path("status").asText())) {
                            open.add(id + "="
                                    + (status == null
                                            ? "unreachable"
                                            : status.path("status").asText(status.toString())));
                        }
                    }
                    assertThat(open).as("accepted but not answered").isEmpty();
                });
    }

    /**
     * Every accepted message's reply reaches the callback with a 200, and a repeated callback of one message always
     * carries the same delivery id (so a receiver can drop it).
     */
    static void everyCallbackDeliveredDuplicatesOnlyWithTheSameDeliveryId(LoadDriver load, CallbackReceiver receiver) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> missing = load.accepted.keySet().stream()
                            .filter(id ->
                                    receiver.receivedContaining(id).stream().noneMatch(r -> r.answeredWith() == 200))
                            .toList();
                    assertThat(missing).as("accepted but never called back").isEmpty();
                });
        for (String id : load.accepted.keySet()) {
            Set<String> deliveries = receiver.receivedContaining(id).stream()
                    .map(r -> r.header("X-Gateway-Delivery-Id"))
                    .collect(Collectors.toSet());
            assertThat(deliveries).as("delivery ids of " + id).hasSize(1);
        }
    }

    /** Nothing in the ledger lacks a terminal status: a message stored but never confirmed to its sender included. */
    static void nothingInTheLedgerWithoutATerminalStatus(String jdbcUrl, String user, String password) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                ResultSet open = db.createStatement()
                        .executeQuery("SELECT id, status FROM messages WHERE direction = 'INBOUND'"
                                + " AND status NOT IN ('ANSWERED', 'FAILED', 'AWAITING_AGENT')")) {
            List<String> stuck = new ArrayList<>();
            while (open.next()) {
                stuck.add(open.getString(1) + "=" + open.getString(2));
            }
            assertThat(stuck).as("inbound messages without a terminal status").isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the gateway answered instead of {@code 202}: only {@code 503} (its broker is away, it is not ready yet),
     * never a 500 or a 404 that tells a customer their message was wrong. Refused connections are not answers.
     */
    static void refusalsOnlySayUnavailable(LoadDriver load) {
        assertThat(load.refusals).as("status codes of refused messages").allMatch(status -> status == 503);
    }
}
