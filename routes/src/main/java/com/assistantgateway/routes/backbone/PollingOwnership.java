package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.port.ChannelBinding;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which polling bindings this instance owns. A mailbox polled by two instances is read twice and a crawl runs twice,
 * so each polling binding falls into one of {@code gateway.routes.polling.groups} groups, and each group has one
 * leader in the cluster, elected through Camel's cluster service (the one the deployment provides; the gateway's own
 * keeps the election in the database every instance shares). Without a cluster service this instance owns them all.
 * A change of leadership is handed to a thread of its own, so starting a slow mailbox never delays the election.
 */
@Component
public class PollingOwnership {

    static final String NAMESPACE = "gateway.polling.";

    private static final Logger log = LoggerFactory.getLogger(PollingOwnership.class);

    private final ObjectProvider<CamelClusterService> clusterServices;
    private final int groups;
    private final List<CamelClusterView> views = new CopyOnWriteArrayList<>();
    private final ExecutorService changes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "polling-ownership");
        thread.setDaemon(true);
        return thread;
    });

    public PollingOwnership(ObjectProvider<CamelClusterService> clusterServices, RoutesProperties properties) {
        this.clusterServices = clusterServices;
        this.groups = properties.polling().groups();
    }

    /** The group a binding falls into: stable across instances and restarts. */
    static int group(ChannelBinding binding, int groups) {
        return Math.floorMod((binding.tenantId().value() + "/" + binding.id()).hashCode(), groups);
    }

    /** Joins the election of every group; {@code onChange} runs whenever this instance gains or loses one. */
    synchronized void join(CamelContext context, Runnable onChange) throws Exception {
        CamelClusterService service = clusterServices.getIfAvailable();
        if (service == null || !views.isEmpty()) {
            return;
        }
        for (int group = 0; group < groups; group++) {
            CamelClusterView view = service.getView(NAMESPACE + group);
            view.addEventListener((CamelClusterEventListener.Leadership) (changed, leader) -> {
                log.info(
                        "polling group {}: this instance {}",
                        changed.getNamespace(),
                        changed.getLocalMember().isLeader() ? "leads" : "does not lead");
                changes.execute(onChange);
            });
            views.add(view);
        }
    }

    @PreDestroy
    void stop() {
        changes.shutdownNow();
    }

    /** Whether this instance polls for the binding now. */
    boolean owns(ChannelBinding binding) {
        if (clusterServices.getIfAvailable() == null) {
            return true;
        }
        return views.size() == groups
                && views.get(group(binding, groups)).getLocalMember().isLeader();
    }
}
