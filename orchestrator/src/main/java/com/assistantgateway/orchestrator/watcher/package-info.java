/** The watcher assistant: summarises what changed on a scraped page, for a configured recipient. */
package com.assistantgateway.orchestrator.watcher;
