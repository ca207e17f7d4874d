/**
 * Rate limits on inbound traffic: per tenant (its plan's, or one set for it), per sender on a binding and per client
 * address, and the pace of outbound senders (a phone number at its provider's rate), counted with Bucket4j in buckets
 * kept in the shared database so a cluster holds them together.
 */
package com.assistantgateway.admin.limits;
