/** Health of what answers depend on: the vector store and the LLM provider ({@code /actuator/health}). */
package com.assistantgateway.orchestrator.health;
