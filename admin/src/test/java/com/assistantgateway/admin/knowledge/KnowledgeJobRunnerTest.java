package com.assistantgateway.admin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.registry.NewAssistant;
import com.assistantgateway.admin.registry.NewTenant;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.KnowledgeIngestion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Jobs whose version stopped being the wanted one while they ran leave the store as the source's status says. */
@SpringBootTest
class KnowledgeJobRunnerTest {

    @Autowired
    TenantRegistry registry;

    @Autowired
    KnowledgeSources sources;

    @Autowired
    KnowledgeMapper mapper;

    @Autowired
    KnowledgeFiles files;

    private final AssistantId support = new AssistantId("support");
    private TenantId tenant;

    /** What the store holds for the source: the text of the last version written to it. */
    private final List<String> writes = new ArrayList<>();

    @BeforeEach
    void tenant() {
        tenant = new TenantId("jobs-" + UUID.randomUUID().toString().substring(0, 8));
        registry.createTenant(new NewTenant(tenant, "Jobs", "business", null, List.of("en")), "test");
        registry.createAssistant(tenant, new NewAssistant(support, "support", "Support", null, null, Map.of()), "test");
    }

    private String upload(String text) {
        return sources.upload(tenant, support, "shipping.md", "text/markdown", bytes(text), "test")
                .id();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private KnowledgeJobRunner runner(Runnable duringIngestion) {
        return new KnowledgeJobRunner(
                mapper,
                files,
                new KnowledgeIngestion() {
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
                        progress.embedded(32, 70);
                        duringIngestion.run();
                        writes.add(new String(content, StandardCharsets.UTF_8));
                        return 1;
                    }

                    @Override
                    public void delete(TenantId tenantId, AssistantId assistantId, String source) {
                        writes.add("(deleted)");
                    }
                },
                Clock.systemUTC());
    }

    @Test
    void aVersionThatWentLiveElsewhereWhileAnOlderOneIngestedIsWrittenAgainAfterIt() throws Exception {
        String id = upload("v1: 7 euro");
        runner(() -> {}).run(tenant, id, 1, false);
        upload("v2: 6 euro");
        KnowledgeJobRunner otherInstance = runner(() -> {});

        runner(() -> {
                    // Meanwhile another instance takes v3 from upload to ready.
                    if (mapper.byId(tenant, id).orElseThrow().targetVersion() == 2) {
                        upload("v3: 5 euro");
                        try {
                            otherInstance.run(tenant, id, 3, false);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                })
                .run(tenant, id, 2, false);

        assertThat(writes).containsExactly("v1: 7 euro", "v3: 5 euro", "v2: 6 euro", "v3: 5 euro");
        KnowledgeSource source = mapper.byId(tenant, id).orElseThrow();
        assertThat(source.activeVersion()).isEqualTo(3);
        assertThat(source.status()).isEqualTo("ready");
    }

    @Test
    void progressIsVisibleWhileASourceIsIngestedAndCompleteOnceReady() throws Exception {
        String id = upload("v1: 7 euro");
        List<KnowledgeSource> seen = new ArrayList<>();

        runner(() -> seen.add(mapper.byId(tenant, id).orElseThrow())).run(tenant, id, 1, false);

        assertThat(seen).singleElement().satisfies(during -> {
            assertThat(during.status()).isEqualTo("processing");
            assertThat(during.progressDone()).isEqualTo(32);
            assertThat(during.progressTotal()).isEqualTo(70);
        });
        assertThat(mapper.byId(tenant, id).orElseThrow().status()).isEqualTo("ready");
    }

    @Test
    void aVersionSupersededByAQueuedUploadLeavesTheStoreToThatUploadsJob() throws Exception {
        String id = upload("v1: 7 euro");

        runner(() -> upload("v2: 6 euro")).run(tenant, id, 1, false);

        assertThat(writes).containsExactly("v1: 7 euro");
        KnowledgeSource source = mapper.byId(tenant, id).orElseThrow();
        assertThat(source.targetVersion()).isEqualTo(2);
        assertThat(source.status()).isEqualTo("queued");
    }

    @Test
    void aSourceDeletedWhileItIngestedHasItsChunksRemoved() throws Exception {
        String id = upload("v1: 7 euro");

        runner(() -> sources.delete(tenant, support, id, "test")).run(tenant, id, 1, false);

        assertThat(writes).endsWith("v1: 7 euro", "(deleted)");
        assertThat(mapper.byId(tenant, id)).isEmpty();
    }
}
