/** The embedded web server's own refusals, answered as problem documents like the gateway's. */
package com.assistantgateway.gateway.web;
