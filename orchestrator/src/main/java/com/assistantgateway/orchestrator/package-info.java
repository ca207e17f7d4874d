/** The orchestrator: assistants as plugins, the RAG pipeline and LLM access. Its settings live here. */
package com.assistantgateway.orchestrator;
