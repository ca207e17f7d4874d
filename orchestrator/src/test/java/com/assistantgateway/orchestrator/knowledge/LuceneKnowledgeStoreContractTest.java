package com.assistantgateway.orchestrator.knowledge;

import com.assistantgateway.orchestrator.OrchestratorProperties;
import com.assistantgateway.orchestrator.knowledge.lucene.LuceneKnowledgeStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded Lucene store, over an index in a temporary directory. */
class LuceneKnowledgeStoreContractTest extends KnowledgeStoreContract {

    @TempDir
    Path dir;

    private LuceneKnowledgeStore lucene;

    @Override
    protected KnowledgeStore openStore() throws Exception {
        lucene = new LuceneKnowledgeStore(
                OrchestratorProperties.embedded(dir, OrchestratorProperties.Retrieval.defaults(), null));
        return lucene;
    }

    @Override
    protected void closeStore() throws Exception {
        lucene.close();
    }
}
