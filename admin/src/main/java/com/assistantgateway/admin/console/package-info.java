/**
 * The tenants' console: server-rendered pages (Thymeleaf, one layout and one stylesheet) over the same services and
 * the same access check as the admin API, signed in with a session.
 */
package com.assistantgateway.admin.console;
