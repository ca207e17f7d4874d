/** The tenant registry: tenants, their assistants and channel bindings; resolves inbound keys to a tenant. */
package com.assistantgateway.admin.registry;
