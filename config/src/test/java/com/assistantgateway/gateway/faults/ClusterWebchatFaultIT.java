package com.assistantgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assistantgateway.gateway.channels.WebchatVisitor;
import com.assistantgateway.gateway.channels.WebchatVisitor.Event;
import com.assistantgateway.gateway.channels.WebchatVisitor.Stream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web chat on a cluster (two instances on one broker and one database): a visitor's stream on one instance gets the
 * answers to messages posted to the other, whichever instance answers them, through the broker topic; and a stream
 * that drops on one instance continues on the other from its Last-Event-ID, missing and repeating nothing.
 */
class ClusterWebchatFaultIT {

    static final Duration ANSWERED = Duration.ofSeconds(60);
    /** The demo's web chat binding allows the gateway's default local origins. */
    static final String PAGE = "http://localhost:8080";

    static final int VISITORS = 10;

    @TempDir
    Path work;

    @Test
    void streamsOnOneInstanceGetAnswersToMessagesPostedToTheOtherAndResumeThereAfterADrop() throws Exception {
        assumeTrue(Cluster.server() != null, "GATEWAY_TEST_MYSQL_URL names no MySQL/MariaDB server");
        try (Cluster cluster = new Cluster("webchat", work)) {
            String[] demo = {"--spring.profiles.active=external,demo"};
            GatewayProcess a = cluster.instance("a", demo).start();
            GatewayProcess b = cluster.instance("b", demo).start();
            WebchatVisitor onA = new WebchatVisitor(a.port, PAGE);
            WebchatVisitor onB = new WebchatVisitor(b.port, PAGE);

            // Sessions opened on one instance are good on the other: the key is the binding's, in the shared registry.
            List<String> sessions = new ArrayList<>();
            List<Stream> streams = new ArrayList<>();
            for (int i = 0; i < VISITORS; i++) {
                String session =
                        onA.session("demo", Map.of()).body().path("session").asText();
                sessions.add(session);
                Stream stream = onB.stream("demo", session, null);
                assertThat(stream.status).isEqualTo(200);
                stream.replay(ANSWERED);
                streams.add(stream);
            }
            // Ten conversations, so both instances' processors and announcers take part; each stream is on b.
            for (int i = 0; i < VISITORS; i++) {
                assertThat(onA.send("demo", sessions.get(i), "How long is the warranty on a brake caliper?", "q-1")
                                .status())
                        .isEqualTo(202);
            }
            List<String> lastIds = new ArrayList<>();
            for (Stream stream : streams) {
                Event question = stream.next("message", ANSWERED);
                Event answer = stream.next("message", ANSWERED);
                assertThat(question.data().path("role").asText()).isEqualTo("visitor");
                assertThat(answer.data().path("role").asText()).isEqualTo("assistant");
                // Each instance has its own embedded Lucene index (a cluster shares Milvus), so what it says depends
                // on which one answered; that it is the answer to this question does not.
                assertThat(answer.data().path("replyTo").asText())
                        .isEqualTo(question.data().path("id").asText());
                lastIds.add(answer.id());
                stream.close();
            }

            // Away from b, the first visitor asks again on a, then reconnects to a with the last id b sent.
            onA.send("demo", sessions.get(0), "What are your opening hours?", "q-2");
            try (Stream resumed = onA.stream("demo", sessions.get(0), lastIds.get(0))) {
                List<Event> missed = new ArrayList<>(resumed.replay(ANSWERED));
                while (missed.size() < 2) {
                    missed.add(resumed.next("message", ANSWERED));
                }
                assertThat(missed)
                        .extracting(event -> event.data().path("role").asText())
                        .containsExactly("visitor", "assistant");
                assertThat(missed.get(0).data().path("text").asText()).isEqualTo("What are your opening hours?");
                Set<String> ids = new HashSet<>();
                missed.forEach(event -> ids.add(event.id()));
                assertThat(ids).doesNotContain(lastIds.get(0)).hasSize(2);
            }
        }
    }
}
