package com.assistantgateway.admin.cluster;

import com.assistantgateway.admin.AdminProperties;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;

/**
 * This instance's place in the cluster: a member id of its own for its lifetime (a restarted instance is a new
 * member), the JDBC lock registry on the shared database, and the cluster service Camel's context runs.
 */
@Configuration
class ClusterConfiguration {

    /** This instance as a member of the cluster, for its lifetime. */
    record Member(String id) {}

    @Bean
    Member clusterMember() {
        return new Member(UUID.randomUUID().toString());
    }

    @Bean
    DefaultLockRepository clusterLockRepository(DataSource dataSource, Member member, AdminProperties properties) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource, member.id());
        repository.setRegion("gateway");
        repository.setTimeToLive((int) properties.cluster().lockTtl().toMillis());
        return repository;
    }

    @Bean
    JdbcLockRegistry clusterLockRegistry(DefaultLockRepository clusterLockRepository, AdminProperties properties) {
        JdbcLockRegistry registry = new JdbcLockRegistry(clusterLockRepository);
        // A follower asks for a free lock this often; the default (100 ms) would keep every group's row busy.
        registry.setIdleBetweenTries(
                properties.cluster().heartbeat().dividedBy(2).plus(Duration.ofMillis(1)));
        return registry;
    }

    @Bean
    CamelClusterService clusterService(
            JdbcLockRegistry clusterLockRegistry, Member member, AdminProperties properties) {
        return new JdbcClusterService(
                clusterLockRegistry, member.id(), properties.cluster().heartbeat());
    }

    /** Camel starts and stops the service with its context, so no election outlives the routes it decides. */
    @Bean
    CamelContextConfiguration clusterServiceInCamel(CamelClusterService clusterService) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                try {
                    context.addService(clusterService, true, true);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the cluster service", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {}
        };
    }
}
