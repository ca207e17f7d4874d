/**
 * The outbound guard: every address a tenant's settings make the gateway connect to is checked by {@link
 * com.assistantgateway.routes.outbound.OutboundTargets} when it is saved and again on every connection, through the
 * HTTP client and socket factory here that every module's tenant-facing clients are built from.
 */
package com.assistantgateway.routes.outbound;
