/** The support assistant: answers from its knowledge base with citations, and says so when it does not know. */
package com.assistantgateway.orchestrator.support;
