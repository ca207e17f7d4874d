package com.assistantgateway.admin.cluster;

import java.time.Duration;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Camel's {@link org.apache.camel.cluster.CamelClusterService} on a {@link LockRegistry}: each namespace is a lock,
 * and the instance holding it leads. Spring Integration's {@code LockRegistryLeaderInitiator} does the electing.
 */
public class JdbcClusterService extends AbstractCamelClusterService<JdbcClusterView> {

    private final LockRegistry locks;
    private final String memberId;
    private final Duration heartbeat;

    public JdbcClusterService(LockRegistry locks, String memberId, Duration heartbeat) {
        super("jdbc-cluster");
        this.locks = locks;
        this.memberId = memberId;
        this.heartbeat = heartbeat;
    }

    @Override
    protected JdbcClusterView createView(String namespace) {
        return new JdbcClusterView(this, namespace, locks, memberId, heartbeat);
    }
}
