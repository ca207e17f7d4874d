/** Channel state kept for adapters: deliveries to providers, skipped messages, opt-outs and scraped page versions. */
package com.assistantgateway.admin.channels;
