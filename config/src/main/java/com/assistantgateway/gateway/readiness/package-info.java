/** When the gateway is ready to serve: readiness waits for its routes, its processors and its seeded knowledge. */
package com.assistantgateway.gateway.readiness;
