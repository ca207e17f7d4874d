package com.assistantgateway.gateway.faults;

import com.assistantgateway.gateway.CallbackReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (H2 file database, embedded Artemis journal) killed with {@code kill -9} under concurrent load,
 * three times over, and started again on the same data directory: every message it answered {@code 202} for is
 * answered and called back, a repeated callback carries its first delivery id, and the ledger holds no message
 * without a terminal status.
 */
class EmbeddedKillNineFaultIT {

    static final Path LOGS = Path.of("target/faults");

    @TempDir
    Path dataDir;

    @Test
    void everyAcceptedMessageIsAnsweredAndCalledBackAfterThreeKillsUnderLoad() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver();
                GatewayProcess gateway = new GatewayProcess(
                        "embedded-kill-9",
                        LOGS,
                        List.of(
                                "--gateway.data-dir=" + dataDir,
                                "--gateway.demo.callback-url=" + receiver.url("/hook"),
                                "--gateway.routes.recovery.interval=2s",
                                "--gateway.routes.recovery.age=5s"),
                        Map.of());
                LoadDriver load = new LoadDriver("demo-echo", "demo-token")) {
            gateway.start();
            for (int kill = 1; kill <= 3; kill++) {
                load.start(4, () -> gateway.url(""));
                load.awaitMoreAccepted(60, Duration.ofSeconds(90));
                gateway.kill();
                load.stop();
                gateway.start();
            }

            System.out.println("load: " + load.summary());
            Promises.refusalsOnlySayUnavailable(load);
            Promises.everyAcceptedMessageAnswered(load, () -> gateway.url(""), "demo-echo", "demo-token");
            Promises.everyCallbackDeliveredDuplicatesOnlyWithTheSameDeliveryId(load, receiver);
            gateway.stop();
            Promises.nothingInTheLedgerWithoutATerminalStatus(
                    "jdbc:h2:file:" + dataDir + "/db/gateway;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE",
                    "sa",
                    "");
        }
    }
}
