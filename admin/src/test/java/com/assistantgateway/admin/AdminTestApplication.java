package com.assistantgateway.admin;

import com.assistantgateway.routes.backbone.RetriedTransactions;
import com.assistantgateway.routes.backbone.RoutesProperties;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.outbound.OutboundHttp;
import com.assistantgateway.routes.outbound.OutboundTargets;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantTypes;
import com.assistantgateway.routes.port.Assistants;
import com.assistantgateway.routes.port.ChannelType;
import com.assistantgateway.routes.port.DeadLetter;
import com.assistantgateway.routes.port.DeadLetterQueues;
import com.assistantgateway.routes.port.KnowledgeIngestion;
import com.assistantgateway.routes.port.KnowledgeJobs;
import com.assistantgateway.routes.port.OutboundMessages;
import com.assistantgateway.routes.port.PolicyTrials;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The admin module on its own: the ports that other modules implement (broker, knowledge) are inert here; the
 * gateway's tests in {@code config} run the admin module against the real ones.
 */
@SpringBootApplication
@EnableConfigurationProperties(RoutesProperties.class)
@Import({OutboundTargets.class, OutboundHttp.class, RetriedTransactions.class})
@MapperScan(basePackages = "com.assistantgateway.admin", annotationClass = Mapper.class)
class AdminTestApplication {

    /** The webhook channel as the adapters module describes it, enough for bindings in these tests. */
    @Bean
    ChannelType webhookChannel() {
        return new ChannelType() {
            @Override
            public ChannelId id() {
                return new ChannelId("webhook");
            }

            @Override
            public String inboundAddress(String publicBaseUrl, String inboundKey) {
                return "POST " + publicBaseUrl + "/channels/webhook/" + inboundKey;
            }
        };
    }

    /** The routes module gives the gateway its one clock; here the module runs alone. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboundMessages outboundMessages() {
        return (GatewayMessage message) -> {};
    }

    @Bean
    DeadLetterQueues deadLetterQueues() {
        return new DeadLetterQueues() {
            @Override
            public List<DeadLetter> list(TenantId tenantId) {
                return List.of();
            }

            @Override
            public Optional<DeadLetter> replay(TenantId tenantId, String id) {
                return Optional.empty();
            }

            @Override
            public Optional<DeadLetter> discard(TenantId tenantId, String id) {
                return Optional.empty();
            }
        };
    }

    /** Any type and settings; the gateway's tests in {@code config} check them against the real plugins' schemas. */
    @Bean
    AssistantTypes assistantTypes() {
        return (type, settings) -> List.of();
    }

    /** No assistants here: a scenario run in these tests would get "I don't know" to every question. */
    @Bean
    Assistants assistants() {
        return request -> AssistantAnswer.dontKnow("I don't know.", 0.0, "en");
    }

    /** Policies are tried in the orchestrator; here a sample comes back as it went in. */
    @Bean
    PolicyTrials policyTrials() {
        return (policy, sample) -> new PolicyTrials.Trial(sample, "", "answer", List.of(), sample);
    }

    @Bean
    KnowledgeJobs knowledgeJobs() {
        return (tenantId, sourceId, version) -> {};
    }

    @Bean
    KnowledgeIngestion knowledgeIngestion() {
        return new KnowledgeIngestion() {
            @Override
            public String mediaType(String fileName, byte[] content) {
                return "text/markdown";
            }

            @Override
            public int ingest(
                    TenantId tenantId,
                    AssistantId assistantId,
                    String source,
                    String mediaType,
                    byte[] content,
                    Progress progress) {
                return 1;
            }

            @Override
            public void delete(TenantId tenantId, AssistantId assistantId, String source) {}
        };
    }
}
