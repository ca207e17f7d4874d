/** The admin module: the tenant registry and the message ledger, persisted with MyBatis; later the admin API. */
package com.assistantgateway.admin;
