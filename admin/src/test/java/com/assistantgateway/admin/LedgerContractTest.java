package com.assistantgateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.assistantgateway.admin.audit.AuditEvent;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.admin.handover.HandoverQueue;
import com.assistantgateway.admin.handover.QueuedConversation;
import com.assistantgateway.admin.inbox.InboxMapper;
import com.assistantgateway.admin.ledger.JdbcMessageLedger;
import com.assistantgateway.admin.policies.StoredAnswerPolicies;
import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.admin.storage.FileKind;
import com.assistantgateway.admin.storage.SharedFiles;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.Acceptance;
import com.assistantgateway.routes.port.AnswerPolicy;
import com.assistantgateway.routes.port.HandoverReason;
import com.assistantgateway.routes.port.InboundState;
import com.assistantgateway.routes.port.MessageStatus;
import com.assistantgateway.routes.port.MessageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry and ledger on a real database: run on H2 in MySQL mode always, and on MySQL/MariaDB when
 * GATEWAY_TEST_MYSQL_URL is set. Each test works in fresh tenants, so runs never disturb each other.
 */
abstract class LedgerContractTest {

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcMessageLedger ledger;

    @Autowired
    AuditTrail audit;

    @Autowired
    InboxMapper inbox;

    @Autowired
    SharedFiles files;

    @Autowired
    HandoverQueue handovers;

    @Autowired
    StoredAnswerPolicies policies;

    @Autowired
    TransactionTemplate transactions;

    private TenantId acme;
    private TenantId globex;
    private final AssistantId support = new AssistantId("support");
    private Instant clock = Instant.parse("2026-11-24T10:00:00.000Z");

    @BeforeEach
    void tenants() {
        acme = tenant("acme");
        globex = tenant("globex");
    }

    @Test
    void acceptedMessageIsStoredWithItsConversationAndFoundOnlyByItsTenant() {
        GatewayMessage message = message(acme, "webhook-main", null, "c-1", "warranty?");

        Acceptance acceptance = ledger.accept(message);

        assertThat(acceptance.fresh()).isTrue();
        assertThat(ledger.find(acme, message.id())).get().satisfies(view -> {
            assertThat(view.message()).isEqualTo(message);
            assertThat(view.status()).isEqualTo(MessageStatus.RECEIVED);
            assertThat(view.reply()).isEmpty();
        });
        assertThat(ledger.find(globex, message.id())).isEmpty();
        assertThat(ledger.inboundState(globex, message.id())).isEmpty();
        assertThat(ledger.inboundState(acme, message.id()))
                .contains(new InboundState(MessageStatus.RECEIVED, Optional.empty(), false));
        assertThat(ledger.countConversations(acme)).isEqualTo(1);
    }

    @Test
    void aMessageNamingAnotherParticipantsConversationStartsItsOwnAndSeesNothingOfTheOther() {
        GatewayMessage alices = message(acme, "webhook-main", null, "order-42", "my address is 1 Main St");
        ledger.accept(alices);
        GatewayMessage mallory =
                withSender(message(acme, "webhook-main", null, "order-42", "what did I say?"), "mallory");

        GatewayMessage stored = ledger.accept(mallory).message();

        assertThat(stored.conversationId()).isNotEqualTo(alices.conversationId());
        assertThat(ledger.history(acme, stored.conversationId(), stored.id(), 10))
                .isEmpty();
        assertThat(ledger.messages(acme, alices.conversationId()))
                .extracting(GatewayMessage::id)
                .containsExactly(alices.id());
        GatewayMessage again = withSender(message(acme, "webhook-main", null, "order-42", "hello?"), "mallory");
        assertThat(ledger.accept(again).message().conversationId())
                .as("the same sender naming the same id keeps to its own conversation")
                .isEqualTo(stored.conversationId());
    }

    @Test
    void aMessageOfAnotherBindingNeverJoinsAConversation() {
        registry.createBinding(
                acme,
                new NewBinding(
                        new BindingId("webhook-other"),
                        support,
                        new ChannelId("webhook"),
                        acme.value() + "-other",
                        Map.of(),
                        Map.of()),
                "test");
        GatewayMessage first = message(acme, "webhook-main", null, "shared-id", "first");
        ledger.accept(first);

        GatewayMessage stored = ledger.accept(message(acme, "webhook-other", null, "shared-id", "second"))
                .message();

        assertThat(stored.conversationId()).isNotEqualTo(first.conversationId());
        assertThat(ledger.messages(acme, first.conversationId())).hasSize(1);
    }

    @Test
    void theSameParticipantOnTheSameBindingContinuesItsConversation() {
        GatewayMessage first = message(acme, "webhook-main", null, "thread-7", "first");
        ledger.accept(first);

        GatewayMessage second = withSender(message(acme, "webhook-main", null, "thread-7", "second"), "CUSTOMER");

        assertThat(ledger.accept(second).message().conversationId()).isEqualTo(first.conversationId());
        assertThat(ledger.messages(acme, first.conversationId())).hasSize(2);
    }

    private static GatewayMessage withSender(GatewayMessage message, String from) {
        return GatewayMessage.inbound()
                .id(message.id())
                .tenant(message.tenantId())
                .assistant(message.assistantId())
                .binding(message.bindingId())
                .channel(message.channel())
                .conversation(message.conversationId())
                .channelMessageId(message.channelMessageId())
                .from(from)
                .to(message.to())
                .text(message.text())
                .receivedAt(message.receivedAt())
                .build();
    }

    @Test
    void repeatedChannelMessageIdReturnsTheFirstMessageAndStoresNothing() {
        GatewayMessage first = message(acme, "webhook-main", "idem-1", "c-1", "first");
        GatewayMessage again = message(acme, "webhook-main", "idem-1", "c-2", "second attempt");
        ledger.accept(first);

        Acceptance acceptance = ledger.accept(again);

        assertThat(acceptance.fresh()).isFalse();
        assertThat(acceptance.message().id()).isEqualTo(first.id());
        assertThat(acceptance.message().conversationId()).isEqualTo(first.conversationId());
        assertThat(ledger.countInbound(acme)).isEqualTo(1);
        assertThat(ledger.countConversations(acme)).isEqualTo(1);
    }

    @Test
    void sameChannelMessageIdOnAnotherBindingOrTenantIsANewMessage() {
        ledger.accept(message(acme, "webhook-main", "idem-1", "c-1", "one"));

        assertThat(ledger.accept(message(acme, "webhook-other", "idem-1", "c-1", "two"))
                        .fresh())
                .isTrue();
        assertThat(ledger.accept(message(globex, "webhook-main", "idem-1", "c-1", "three"))
                        .fresh())
                .isTrue();
    }

    @Test
    void replyIsStoredOnceAndMarksItsMessageAnswered() {
        GatewayMessage inbound = message(acme, "webhook-main", null, "c-1", "warranty?");
        ledger.accept(inbound);
        GatewayMessage reply = inbound.reply(
                MessageId.random(),
                "2 years.",
                List.of(new Citation("warranty.md", "Warranty", "2 years")),
                0.7,
                next());

        ledger.recordReply(reply);

        MessageView view = ledger.find(acme, inbound.id()).orElseThrow();
        assertThat(view.status()).isEqualTo(MessageStatus.ANSWERED);
        assertThat(view.reply()).contains(reply);
        assertThat(ledger.replyTo(acme, inbound.id())).contains(reply);
        assertThat(ledger.replyTo(globex, inbound.id())).isEmpty();
        assertThat(ledger.inboundState(acme, inbound.id()))
                .contains(new InboundState(MessageStatus.ANSWERED, Optional.of(reply), false));
        assertThat(ledger.inboundState(acme, reply.id()))
                .as("a reply is no inbound message")
                .isEmpty();
        assertThat(audit.latest(acme, 10))
                .extracting(AuditEvent::action, AuditEvent::targetId)
                .startsWith(
                        tuple("message.answered", inbound.id().value()),
                        tuple("message.received", inbound.id().value()));
        assertThat(audit.latest(globex, 10))
                .extracting(AuditEvent::targetId)
                .doesNotContain(inbound.id().value());
        GatewayMessage secondReply = inbound.reply(MessageId.random(), "again", List.of(), 0.7, next());
        assertThatThrownBy(() -> ledger.recordReply(secondReply)).isInstanceOf(DataIntegrityViolationException.class);
    }

    /**
     * Follow-ups arriving while the assistant answers earlier messages of the same conversation, as a busy chat does
     * on two instances: every accept and every reply lands, none is a deadlock's victim.
     */
    @Test
    void followUpsAndRepliesInOneConversationAtOnceAllLand() throws Exception {
        GatewayMessage first = message(acme, "webhook-main", null, "c-busy", "hello");
        ConversationId conversation = ledger.accept(first).message().conversationId();
        int rounds = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MessageId>> work = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                String text = "follow-up " + i;
                work.add(pool.submit(() -> {
                    GatewayMessage inbound = message(acme, "webhook-main", null, conversation.value(), text);
                    MessageId id = ledger.accept(inbound).message().id();
                    ledger.recordReply(ledger.find(acme, id)
                            .orElseThrow()
                            .message()
                            .reply(MessageId.random(), "answer to " + text, List.of(), 0.5, Instant.now()));
                    return id;
                }));
            }
            for (Future<MessageId> done : work) {
                MessageId id = done.get(60, TimeUnit.SECONDS);
                assertThat(ledger.find(acme, id).orElseThrow().status()).isEqualTo(MessageStatus.ANSWERED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.messages(acme, conversation)).hasSize(1 + 2 * rounds);
    }

    @Test
    void aPersonsFirstReplyInATakenOverConversationIsTheHeldMessagesReply() {
        GatewayMessage earlier = message(acme, "webhook-main", null, "c-9", "hello?");
        ledger.accept(earlier);
        ledger.recordAgentReply(earlier.agentReply(MessageId.random(), "(an earlier thread)", "sam", next()));
        GatewayMessage held = message(acme, "webhook-main", null, "c-9", "order 4711?");
        ledger.accept(held);
        inbox.takeOver(acme, held.conversationId(), "sam@acme.test", next());
        assertThat(ledger.inboundState(acme, held.id()))
                .get()
                .extracting(InboundState::takenOver)
                .isEqualTo(true);
        assertThat(ledger.holdForAgent(acme, held.id(), held.conversationId())).isTrue();
        GatewayMessage first = held.agentReply(MessageId.random(), "Sam here: it ships today.", "sam", next());
        GatewayMessage second = held.agentReply(MessageId.random(), "Tracking follows.", "sam", next());

        ledger.recordAgentReply(first);
        ledger.recordAgentReply(second);

        MessageView view = ledger.find(acme, held.id()).orElseThrow();
        assertThat(view.status()).isEqualTo(MessageStatus.ANSWERED);
        assertThat(view.reply()).contains(first);
        assertThat(ledger.find(globex, held.id())).isEmpty();
    }

    @Test
    void historyIsTheConversationsEarlierMessagesOldestFirst() {
        GatewayMessage one = message(acme, "webhook-main", null, "c-1", "one");
        ledger.accept(one);
        GatewayMessage oneReply = one.reply(MessageId.random(), "reply one", List.of(), 1, next());
        ledger.recordReply(oneReply);
        GatewayMessage two = message(acme, "webhook-main", null, "c-1", "two");
        ledger.accept(two);
        ledger.accept(message(acme, "webhook-main", null, "c-other", "elsewhere"));
        ledger.accept(message(globex, "webhook-main", null, "c-1", "other tenant, same conversation id"));
        GatewayMessage three = message(acme, "webhook-main", null, "c-1", "three");
        ledger.accept(three);

        assertThat(ledger.history(acme, three.conversationId(), three.id(), 10))
                .extracting(GatewayMessage::text)
                .containsExactly("one", "reply one", "two");
        assertThat(ledger.history(acme, three.conversationId(), three.id(), 2))
                .extracting(GatewayMessage::text)
                .containsExactly("reply one", "two");
    }

    @Test
    void messageStaysUnconfirmedUntilItsEnqueueIsConfirmed() {
        GatewayMessage confirmed = message(acme, "webhook-main", null, "c-1", "confirmed");
        GatewayMessage lost = message(acme, "webhook-main", null, "c-1", "lost between the commits");
        clock = clock.plusSeconds(5); // MySQL Connector/J keeps only whole seconds on MariaDB
        GatewayMessage recent = message(acme, "webhook-main", null, "c-1", "still committing");
        ledger.accept(confirmed);
        ledger.accept(lost);
        ledger.accept(recent);
        ledger.markQueued(acme, List.of(confirmed.id()));
        ledger.markQueued(globex, List.of(lost.id()));

        List<GatewayMessage> unconfirmed = ledger.unconfirmed(acme, recent.receivedAt(), 10);

        assertThat(unconfirmed).extracting(GatewayMessage::id).containsExactly(lost.id());
        assertThat(ledger.unconfirmed(globex, next(), 10)).isEmpty();
        assertThat(ledger.find(acme, confirmed.id()).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
        ledger.markProcessing(acme, lost.id());
        ledger.markQueued(acme, List.of(lost.id(), recent.id()));
        assertThat(ledger.find(acme, lost.id()).orElseThrow().status())
                .as("a processor's failed attempt is not undone by a late confirmation")
                .isEqualTo(MessageStatus.PROCESSING);
        assertThat(ledger.find(acme, recent.id()).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void failedMessageSaysSo() {
        GatewayMessage inbound = message(acme, "webhook-main", null, "c-1", "boom");
        ledger.accept(inbound);

        ledger.markFailed(acme, inbound.id(), "LLM timed out");

        assertThat(ledger.find(acme, inbound.id()).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void inboundKeyResolvesToItsTenantsBindingOnly() {
        assertThat(registry.resolve(new ChannelId("webhook"), acme.value() + "-key"))
                .get()
                .satisfies(b -> {
                    assertThat(b.tenantId()).isEqualTo(acme);
                    assertThat(b.assistantId()).isEqualTo(support);
                    assertThat(b.credential("tokenSha256")).contains("abc");
                });
        assertThat(registry.resolve(new ChannelId("webhook"), "nobody")).isEmpty();
        assertThat(registry.resolve(new ChannelId("email"), acme.value() + "-key"))
                .isEmpty();
        assertThat(registry.find(globex, new BindingId("webhook-main"))
                        .orElseThrow()
                        .inboundKey())
                .isEqualTo(globex.value() + "-key");
        assertThat(registry.activeTenants()).contains(acme, globex);
        assertThat(registry.assistant(acme, support).orElseThrow().type()).isEqualTo("support");
        assertThat(registry.assistant(acme, new AssistantId("ghost"))).isEmpty();
    }

    @Test
    void aStoredFileLargerThanAChunkReadsBackWholeForItsTenantOnly() {
        byte[] upload = new byte[1_300_000];
        new java.util.Random(7).nextBytes(upload);

        files.write(acme, FileKind.KNOWLEDGE_SOURCE, "manual_1.pdf.v1", upload);

        assertThat(files.read(acme, FileKind.KNOWLEDGE_SOURCE, "manual_1.pdf.v1"))
                .hasValueSatisfying(read -> assertThat(read).isEqualTo(upload));
        assertThat(files.read(globex, FileKind.KNOWLEDGE_SOURCE, "manual_1.pdf.v1"))
                .isEmpty();
        assertThat(files.read(acme, FileKind.ATTACHMENT, "manual_1.pdf.v1")).isEmpty();
        files.write(acme, FileKind.KNOWLEDGE_SOURCE, "manual_1.pdf.v1", "smaller".getBytes());
        assertThat(files.read(acme, FileKind.KNOWLEDGE_SOURCE, "manual_1.pdf.v1"))
                .hasValue("smaller".getBytes());
    }

    @Test
    void anEmptyFileIsStoredAndAPrefixMatchesLiterally() {
        files.write(acme, FileKind.ATTACHMENT, "m-1/0-empty.txt", new byte[0]);
        files.write(acme, FileKind.ATTACHMENT, "m-1/1-a.txt", "a".getBytes());
        files.write(acme, FileKind.ATTACHMENT, "mX1/0-other.txt", "x".getBytes());

        assertThat(files.read(acme, FileKind.ATTACHMENT, "m-1/0-empty.txt")).hasValue(new byte[0]);
        assertThat(files.count(acme, FileKind.ATTACHMENT, "m-1/")).isEqualTo(2);
        assertThat(files.count(acme, FileKind.ATTACHMENT, "m_1/")).isZero();
        files.deleteWithPrefix(acme, FileKind.ATTACHMENT, "m-1/");
        assertThat(files.exists(acme, FileKind.ATTACHMENT, "m-1/1-a.txt")).isFalse();
        assertThat(files.exists(acme, FileKind.ATTACHMENT, "mX1/0-other.txt")).isTrue();
    }

    @Test
    void aHandedOverConversationWaitsUntilAnAgentHasRoomAndAgentsTakeTurns() {
        ConversationId first = new ConversationId("handover-1");
        ConversationId second = new ConversationId("handover-2");
        ConversationId third = new ConversationId("handover-3");
        for (ConversationId conversation : List.of(first, second, third)) {
            ledger.accept(message(acme, "webhook-main", null, conversation.value(), "a person, please"));
            handovers.open(acme, conversation, HandoverReason.CUSTOMER_ASKED, "assistant:support");
        }

        assertThat(handovers.queue(acme))
                .extracting(QueuedConversation::status)
                .containsExactly("waiting", "waiting", "waiting");
        handovers.setAvailability(acme, "ann@acme.test", true, 1);
        handovers.setAvailability(acme, "bob@acme.test", true, 1);

        // Oldest first, one each: Ann had room first, Bob next; the third waits for room.
        assertThat(handovers.queue(acme))
                .extracting(QueuedConversation::id, QueuedConversation::status, QueuedConversation::assignee)
                .containsExactly(
                        tuple(first.value(), "agent", "ann@acme.test"),
                        tuple(second.value(), "agent", "bob@acme.test"),
                        tuple(third.value(), "waiting", null));
        assertThat(handovers.queue(globex)).isEmpty();
        // First replies are due in 15 minutes, past the 5-minute warning: none at risk yet.
        assertThat(handovers.badge(acme, "ann@acme.test")).isEqualTo(new HandoverQueue.Badge(1, 1, 0));
        assertThat(handovers.badge(acme, "carol@acme.test")).isEqualTo(new HandoverQueue.Badge(1, 0, 0));
        assertThat(handovers.badge(globex, "ann@acme.test")).isEqualTo(new HandoverQueue.Badge(0, 0, 0));
        assertThat(ledger.inboundState(
                        acme, ledger.lastInboundOf(acme, third).orElseThrow().id()))
                .get()
                .extracting(InboundState::takenOver)
                .isEqualTo(true);
    }

    /**
     * Two instances assign at once: one waits for the agents' rows the other has locked. When it gets them it counts
     * what the other gave meanwhile, not what its transaction saw before (MySQL's repeatable read shows a plain select
     * the data as of the transaction's first read), so it gives no agent more than their capacity.
     */
    @Test
    void anAssignmentThatWaitedForAnotherCountsWhatTheOtherGaveAndOverfillsNoAgent() throws Exception {
        ConversationId first = new ConversationId("overfill-1");
        ConversationId second = new ConversationId("overfill-2");
        for (ConversationId conversation : List.of(first, second)) {
            ledger.accept(message(acme, "webhook-main", null, conversation.value(), "a person, please"));
            handovers.open(acme, conversation, HandoverReason.CUSTOMER_ASKED, "assistant:support");
        }
        CountDownLatch sawTheQueue = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> late = otherInstance.submit(() -> transactions.execute(status -> {
                // This transaction reads first (its snapshot, on MySQL), then assigns after the other has committed.
                assertThat(handovers.queue(acme)).hasSize(2);
                sawTheQueue.countDown();
                await(otherCommitted);
                return handovers.assignWaiting(acme);
            }));
            await(sawTheQueue);
            // Ann comes in with room for one: the oldest conversation is hers at once.
            handovers.setAvailability(acme, "ann@acme.test", true, 1);
            otherCommitted.countDown();

            assertThat(late.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            otherInstance.shutdownNow();
        }
        assertThat(handovers.queue(acme))
                .extracting(QueuedConversation::id, QueuedConversation::status, QueuedConversation::assignee)
                .containsExactly(
                        tuple(first.value(), "agent", "ann@acme.test"), tuple(second.value(), "waiting", null));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAssistantFollowsItsTenantsPolicyUntilItHasItsOwn() {
        AnswerPolicy tenantWide = new AnswerPolicy(
                0,
                true,
                true,
                false,
                false,
                false,
                "",
                List.of("nl"),
                List.of(),
                List.of("politics"),
                true,
                500,
                List.of(),
                "Answers are indicative.");
        policies.saveOfTenant(acme, tenantWide, "admin@acme.test");

        assertThat(policies.current(acme, support).refusedTopics()).containsExactly("politics");
        assertThat(policies.current(acme, support).phoneRegions()).containsExactly("NL");
        assertThat(policies.current(globex, support)).isEqualTo(AnswerPolicy.defaults());

        policies.save(acme, support, AnswerPolicy.defaults(), "admin@acme.test");

        assertThat(policies.current(acme, support).refusedTopics()).isEmpty();
        assertThat(policies.current(acme, support).version()).isEqualTo(1);
        assertThat(policies.loadOfTenant(acme).version()).isEqualTo(1);
    }

    private TenantId tenant(String prefix) {
        TenantId id = new TenantId(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        registry.createTenant(new NewTenant(id, prefix, "trial", "retail", List.of("en")), "test");
        registry.createAssistant(id, new NewAssistant(support, "support", "Support", null, null, Map.of()), "test");
        registry.createBinding(
                id,
                new NewBinding(
                        new BindingId("webhook-main"),
                        support,
                        new ChannelId("webhook"),
                        id.value() + "-key",
                        Map.of(),
                        Map.of("tokenSha256", "abc")),
                "test");
        return id;
    }

    private GatewayMessage message(
            TenantId tenant, String binding, String channelMessageId, String conversation, String text) {
        return GatewayMessage.inbound()
                .tenant(tenant)
                .assistant(support)
                .binding(new BindingId(binding))
                .channel(new ChannelId("webhook"))
                .conversation(new ConversationId(conversation))
                .channelMessageId(channelMessageId)
                .from("customer")
                .to("support")
                .text(text)
                .receivedAt(next())
                .build();
    }

    private Instant next() {
        clock = clock.plusMillis(10);
        return clock;
    }
}
