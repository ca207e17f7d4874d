/** The embedded knowledge store: a Lucene index on disk with HNSW vectors and BM25 per language. */
package com.assistantgateway.orchestrator.knowledge.lucene;
