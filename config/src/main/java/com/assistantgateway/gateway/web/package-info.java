/**
 * The embedded web server's own refusals, answered as problem documents like the gateway's, and the per-address
 * limit on the public channel endpoints.
 */
package com.assistantgateway.gateway.web;
