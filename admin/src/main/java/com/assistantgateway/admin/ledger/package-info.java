/** The message ledger: conversations and messages, de-duplication, statuses and stored replies, per tenant. */
package com.assistantgateway.admin.ledger;
