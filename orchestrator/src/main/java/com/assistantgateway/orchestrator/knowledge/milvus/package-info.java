/** The Milvus knowledge store: one collection, tenants as partition key, dense + BM25 + server-side RRF. */
package com.assistantgateway.orchestrator.knowledge.milvus;
