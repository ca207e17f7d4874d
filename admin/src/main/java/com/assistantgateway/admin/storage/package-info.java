/**
 * Files the gateway keeps (uploaded knowledge, mail attachments) in the shared database, so every instance of a
 * cluster reads what any of them received.
 */
package com.assistantgateway.admin.storage;
