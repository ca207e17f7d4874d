package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.TenantId;

/** The knowledge ingestion queue: admin submits a source version, the backbone delivers it to the runner. */
public interface KnowledgeJobs {

    /** Queues ingestion of one version of a source. */
    void submit(TenantId tenantId, String sourceId, int version);

    /** Ingests what was queued; implemented by the module that owns knowledge sources. */
    interface Runner {

        /**
         * @param lastAttempt whether the broker dead-letters the job if this attempt fails
         * @throws Exception to roll the job back for another attempt
         */
        void run(TenantId tenantId, String sourceId, int version, boolean lastAttempt) throws Exception;
    }
}
