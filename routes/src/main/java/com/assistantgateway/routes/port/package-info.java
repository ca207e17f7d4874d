/**
 * Ports: what the backbone needs from the other modules (registry, ledger, assistants), as plain interfaces and
 * records. Admin and orchestrator implement them; adapters and backbone call them.
 */
package com.assistantgateway.routes.port;
