/**
 * Knowledge: structure-aware chunking, in-process embeddings, and the vector store port (every search and delete names
 * tenant and assistant) with its embedded Lucene HNSW implementation.
 */
package com.assistantgateway.orchestrator.knowledge;
