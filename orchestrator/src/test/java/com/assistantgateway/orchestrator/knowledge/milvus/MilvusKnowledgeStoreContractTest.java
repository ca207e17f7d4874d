package com.assistantgateway.orchestrator.knowledge.milvus;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.KnowledgeStore;
import com.assistantgateway.orchestrator.knowledge.KnowledgeStoreContract;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract on a real Milvus 2.5+ server, when {@code MILVUS_URI} names one (for example the one
 * docker-compose starts). Our CI machines cannot run Milvus, so there the request-shape test stands in.
 */
@EnabledIfEnvironmentVariable(named = "MILVUS_URI", matches = ".+")
class MilvusKnowledgeStoreContractTest extends KnowledgeStoreContract {

    private MilvusKnowledgeStore milvus;

    @Override
    protected KnowledgeStore openStore() {
        OrchestratorProperties.Milvus defaults = OrchestratorProperties.Milvus.defaults();
        OrchestratorProperties.Milvus settings = new OrchestratorProperties.Milvus(
                System.getenv("MILVUS_URI"),
                System.getenv().getOrDefault("MILVUS_TOKEN", ""),
                defaults.database(),
                "gateway_contract_test",
                defaults.indexType(),
                defaults.hnswM(),
                defaults.hnswEfConstruction(),
                defaults.searchEf(),
                4);
        milvus = new MilvusKnowledgeStore(MilvusKnowledgeStore.connect(settings), settings, embeddings.dimension());
        return milvus;
    }

    @Override
    protected void closeStore() {
        milvus.close();
    }
}
