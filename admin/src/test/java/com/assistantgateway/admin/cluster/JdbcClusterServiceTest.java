package com.assistantgateway.admin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/** Two members on one database, as two gateway instances are: one leads each namespace, and the other takes over. */
@SpringBootTest
class JdbcClusterServiceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<JdbcClusterService> services = new CopyOnWriteArrayList<>();
    private final String namespace = "test." + UUID.randomUUID();

    @AfterEach
    void stop() throws Exception {
        for (JdbcClusterService service : services) {
            service.stop();
        }
    }

    @Test
    void oneOfTwoMembersLeadsAndTheOtherTakesOverWhenItLeaves() throws Exception {
        JdbcClusterService first = member();
        JdbcClusterService second = member();
        List<String> events = new CopyOnWriteArrayList<>();
        CamelClusterView a = view(first, "a", events);
        CamelClusterView b = view(second, "b", events);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> a.getLocalMember().isLeader() || b.getLocalMember().isLeader());
        CamelClusterView leader = a.getLocalMember().isLeader() ? a : b;
        CamelClusterView follower = leader == a ? b : a;
        assertThat(follower.getLocalMember().isLeader()).isFalse();
        assertThat(follower.getLeader()).isEmpty();
        assertThat(leader.getLeader()).contains(leader.getLocalMember());

        leader.getClusterService().stop();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> follower.getLocalMember().isLeader());
        assertThat(leader.getLocalMember().isLeader()).isFalse();
        String leaderName = leader == a ? "a" : "b";
        String followerName = leader == a ? "b" : "a";
        assertThat(events).containsSubsequence(leaderName + " leads", leaderName + " follows", followerName + " leads");
    }

    @Test
    void aNamespaceOfItsOwnIsElectedSeparately() throws Exception {
        JdbcClusterService only = member();
        CamelClusterView first = view(only, "a", new CopyOnWriteArrayList<>());
        CamelClusterView other = only.getView(namespace + ".other");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> first.getLocalMember().isLeader()
                        && other.getLocalMember().isLeader());
    }

    private JdbcClusterService member() throws Exception {
        String id = UUID.randomUUID().toString();
        DefaultLockRepository repository = new DefaultLockRepository(dataSource, id);
        repository.setRegion("test");
        repository.setTimeToLive(3000);
        repository.setTransactionManager(transactions);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        JdbcLockRegistry locks = new JdbcLockRegistry(repository);
        locks.setIdleBetweenTries(Duration.ofMillis(100));
        JdbcClusterService service = new JdbcClusterService(locks, id, Duration.ofMillis(200));
        service.setCamelContext(new DefaultCamelContext());
        service.start();
        services.add(service);
        return service;
    }

    private CamelClusterView view(JdbcClusterService service, String name, List<String> events) throws Exception {
        CamelClusterView view = service.getView(namespace);
        view.addEventListener((CamelClusterEventListener.Leadership)
                (changed, leader) -> events.add(name + (changed.getLocalMember().isLeader() ? " leads" : " follows")));
        return view;
    }
}
