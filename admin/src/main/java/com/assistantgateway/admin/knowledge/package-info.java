/** Knowledge sources of an assistant: uploads kept for re-indexing, their ingestion status, and their removal. */
package com.assistantgateway.admin.knowledge;
