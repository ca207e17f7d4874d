/** The append-only audit trail of admin actions and message events, per tenant. */
package com.assistantgateway.admin.audit;
