/**
 * The admin REST API ({@code /api/v1}): thin controllers that check access with {@code TenantAccess} first and then
 * call the module's services. Errors are RFC 7807 problem details; lists are {@link com.assistantgateway.admin.api.Page}s.
 */
package com.assistantgateway.admin.api;
