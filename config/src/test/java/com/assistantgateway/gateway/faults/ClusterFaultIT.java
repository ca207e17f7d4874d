package com.assistantgateway.gateway.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assistantgateway.gateway.CallbackReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external profile as docker-compose runs it, without Docker: two gateway instances on one MariaDB database and
 * one standalone Artemis broker. Under load that both instances take, one instance is killed with {@code kill -9} and
 * started again, then the broker is: every message either instance answered {@code 202} for is answered and called
 * back, repeats carry their first delivery id, and the ledger holds nothing without a terminal status. Needs the
 * MariaDB of {@code GATEWAY_TEST_MYSQL_URL}, as {@code .ci/run} provides.
 */
class ClusterFaultIT {

    static final String DATABASE = "gateway_faults";

    @TempDir
    Path work;

    @Test
    void twoInstancesOneKilledAndTheBrokerRestartedUnderLoadLoseNothing() throws Exception {
        String mysql = System.getenv("GATEWAY_TEST_MYSQL_URL");
        assumeTrue(mysql != null && !mysql.isBlank(), "GATEWAY_TEST_MYSQL_URL names no MySQL/MariaDB server");
        String server = mysql.substring(0, mysql.lastIndexOf('/'));
        String database = server + "/" + DATABASE;
        try (Connection db = DriverManager.getConnection(mysql, "root", "")) {
            db.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE);
            db.createStatement().execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        }
        Path logs = EmbeddedKillNineFaultIT.LOGS.resolve("cluster");
        Files.createDirectories(logs);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);

        try (CallbackReceiver receiver = new CallbackReceiver();
                ArtemisProcess broker = new ArtemisProcess(work.resolve("broker"), logs)
                        .create()
                        .start()) {
            Map<String, String> environment = Map.of(
                    "GATEWAY_DB_URL",
                    database,
                    "GATEWAY_DB_USER",
                    "root",
                    "GATEWAY_DB_PASSWORD",
                    "",
                    "GATEWAY_BROKER_URL",
                    broker.url(),
                    "GATEWAY_BROKER_USER",
                    ArtemisProcess.USER,
                    "GATEWAY_BROKER_PASSWORD",
                    ArtemisProcess.PASSWORD,
                    "GATEWAY_MASTER_KEY",
                    Base64.getEncoder().encodeToString(key));
            try (GatewayProcess a = instance("a", logs, receiver, environment).start();
                    GatewayProcess b =
                            instance("b", logs, receiver, environment).start();
                    LoadDriver load = new LoadDriver("demo-echo", "demo-token")) {
                AtomicInteger turn = new AtomicInteger();
                load.start(4, () -> (turn.incrementAndGet() % 2 == 0 ? a : b).url(""));
                load.awaitMoreAccepted(60, Duration.ofSeconds(90));

                a.kill();
                load.awaitMoreAccepted(40, Duration.ofSeconds(90));
                a.start();
                load.awaitMoreAccepted(40, Duration.ofSeconds(90));

                broker.kill();
                int refusedBefore = load.refused.get();
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> load.refused.get() > refusedBefore + 4);
                broker.start();
                load.awaitMoreAccepted(40, Duration.ofSeconds(120));
                load.stop();

                System.out.println("load: " + load.summary());
                Promises.refusalsOnlySayUnavailable(load);
                Promises.everyAcceptedMessageAnswered(load, () -> b.url(""), "demo-echo", "demo-token");
                Promises.everyCallbackDeliveredDuplicatesOnlyWithTheSameDeliveryId(load, receiver);
                Promises.nothingInTheLedgerWithoutATerminalStatus(database, "root", "");
            }
        }
    }

    private GatewayProcess instance(
            String name, Path logs, CallbackReceiver receiver, Map<String, String> environment) {
        return new GatewayProcess(
                name,
                logs,
                List.of(
                        "--spring.profiles.active=external,demo",
                        "--gateway.data-dir=" + work.resolve(name),
                        "--gateway.demo.callback-url=" + receiver.url("/hook"),
                        "--gateway.routes.recovery.interval=2s",
                        "--gateway.routes.recovery.age=5s",
                        "--gateway.routes.binding-sync=2s"),
                environment);
    }
}
