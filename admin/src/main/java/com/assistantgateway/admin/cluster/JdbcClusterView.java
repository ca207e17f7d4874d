package com.assistantgateway.admin.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * One namespace's election. Only this instance is known as a member: the others are seen only through the lock they
 * hold, so a follower knows that someone else leads but not who.
 */
class JdbcClusterView extends AbstractCamelClusterView {

    private final LockRegistryLeaderInitiator initiator;
    private final Member local;
    private volatile boolean leader;

    JdbcClusterView(
            CamelClusterService service, String namespace, LockRegistry locks, String memberId, Duration heartbeat) {
        super(service, namespace);
        this.local = new Member(memberId);
        this.initiator = new LockRegistryLeaderInitiator(locks, new DefaultCandidate(memberId, namespace) {
            @Override
            public void onGranted(Context context) {
                changed(true);
            }

            @Override
            public void onRevoked(Context context) {
                changed(false);
            }
        });
        this.initiator.setHeartBeatMillis(heartbeat.toMillis());
        this.initiator.setBusyWaitMillis(heartbeat.toMillis());
        this.initiator.setAutoStartup(false);
    }

    private void changed(boolean leads) {
        leader = leads;
        fireLeadershipChangedEvent(leads ? Optional.of(local) : Optional.empty());
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leader ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(local);
    }

    @Override
    protected void doStart() {
        initiator.start();
    }

    @Override
    protected void doStop() {
        initiator.stop();
        if (leader) {
            changed(false);
        }
    }

    private final class Member implements CamelClusterMember {
        private final String id;

        Member(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return true;
        }
    }
}
