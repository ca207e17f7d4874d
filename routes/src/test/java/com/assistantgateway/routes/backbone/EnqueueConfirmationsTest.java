package com.assistantgateway.routes.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.MessageLedger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnqueueConfirmationsTest {

    private final MessageLedger ledger = mock(MessageLedger.class);
    private final EnqueueConfirmations confirmations = new EnqueueConfirmations(ledger);
    private final TenantId acme = new TenantId("acme");
    private final TenantId globex = new TenantId("globex");

    @AfterEach
    void stop() {
        confirmations.stop();
    }

    @Test
    void confirmationsHandedOverWithinAnIntervalAreWrittenInOneStatementPerTenant() {
        confirmations.start();
        MessageId first = MessageId.random();
        MessageId second = MessageId.random();
        MessageId third = MessageId.random();

        confirmations.confirm(acme, first);
        confirmations.confirm(globex, second);
        confirmations.confirm(acme, third);

        verify(ledger, timeout(5_000)).markQueued(acme, List.of(first, third));
        verify(ledger, timeout(5_000)).markQueued(globex, List.of(second));
    }

    @Test
    void stoppingWritesWhatIsStillWaiting() {
        confirmations.start();
        MessageId waiting = MessageId.random();
        confirmations.confirm(acme, waiting);

        confirmations.stop();

        verify(ledger).markQueued(acme, List.of(waiting));
        assertThat(confirmations.isRunning()).isFalse();
    }

    @Test
    void withoutTheWriterAConfirmationIsWrittenAtOnce() {
        MessageId id = MessageId.random();

        confirmations.confirm(acme, id);

        verify(ledger).markQueued(acme, List.of(id));
    }

    @Test
    void aFailedWriteIsLeftToTheRecoverySweepAndLaterConfirmationsStillGetWritten() {
        confirmations.start();
        MessageId lost = MessageId.random();
        MessageId later = MessageId.random();
        doThrow(new IllegalStateException("database away")).when(ledger).markQueued(acme, List.of(lost));

        confirmations.confirm(acme, lost);
        verify(ledger, timeout(5_000)).markQueued(acme, List.of(lost));
        confirmations.confirm(acme, later);

        verify(ledger, timeout(5_000)).markQueued(acme, List.of(later));
        verify(ledger, times(2)).markQueued(any(), any());
    }

    @Test
    void nothingHandedOverWritesNothing() {
        confirmations.start();
        confirmations.stop();

        verifyNoInteractions(ledger);
    }
}
