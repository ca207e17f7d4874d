/**
 * Who may do what: users with roles, their login tokens, tenant API keys with scopes, and the one check every admin
 * endpoint makes ({@link com.assistantgateway.admin.security.TenantAccess}).
 */
package com.assistantgateway.admin.security;
