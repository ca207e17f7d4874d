package com.assistantgateway.gateway.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assistantgateway.gateway.CallbackReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway instances on one MariaDB database and one standalone Artemis broker, the demo on both. Under load that
 * both instances take, one instance is killed with {@code kill -9} and started again, then the broker is: every
 * message either instance answered {@code 202} for is answered and called back, repeats carry their first delivery
 * id, refusals say 503 and nothing else, and the ledger holds nothing without a terminal status.
 */
class ClusterFaultIT {

    @TempDir
    Path work;

    @Test
    void twoInstancesOneKilledAndTheBrokerRestartedUnderLoadLoseNothing() throws Exception {
        assumeTrue(Cluster.server() != null, "GATEWAY_TEST_MYSQL_URL names no MySQL/MariaDB server");
        try (CallbackReceiver receiver = new CallbackReceiver();
                Cluster cluster = new Cluster("cluster", work)) {
            String[] demo = {
                "--spring.profiles.active=external,demo", "--gateway.demo.callback-url=" + receiver.url("/hook")
            };
            GatewayProcess a = cluster.instance("a", demo).start();
            GatewayProcess b = cluster.instance("b", demo).start();
            try (LoadDriver load = new LoadDriver("demo-echo", "demo-token")) {
                AtomicInteger turn = new AtomicInteger();
                load.start(4, () -> (turn.incrementAndGet() % 2 == 0 ? a : b).url(""), Duration.ofMillis(50));
                load.awaitMoreAccepted(60, Duration.ofSeconds(90));

                a.kill();
                load.awaitMoreAccepted(40, Duration.ofSeconds(90));
                a.start();
                load.awaitMoreAccepted(40, Duration.ofSeconds(90));

                cluster.broker.kill();
                int refusedBefore = load.refused.get();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.refused.get() > refusedBefore + 4);
                cluster.broker.start();
                load.awaitMoreAccepted(40, Duration.ofSeconds(120));
                load.stop();

                System.out.println("load: " + load.summary());
                Promises.refusalsOnlySayUnavailable(load);
                Promises.everyAcceptedMessageAnswered(load, () -> b.url(""), "demo-echo", "demo-token");
                Promises.everyCallbackDeliveredDuplicatesOnlyWithTheSameDeliveryId(load, receiver);
                Promises.nothingInTheLedgerWithoutATerminalStatus(cluster.database, "root", "");
            }
        }
    }
}
