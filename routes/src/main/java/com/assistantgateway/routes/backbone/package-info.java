/**
 * The backbone: ingress (store, de-duplicate, enqueue), one processor route per tenant from a route template, egress
 * to the channel's outbound queue, and the error policies routes opt into. Route builders here are wiring only; the
 * decisions live in the named beans beside them.
 */
package com.assistantgateway.routes.backbone;
