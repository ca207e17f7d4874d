/**
 * The scrape channel: per binding, a scheduled polite crawl (URLs or a sitemap, CSS selectors, robots.txt, same-host
 * limit, page cap, per-host delay) whose changed pages become canonical messages; integrators' scrapers push pages to
 * an authenticated endpoint instead; watcher summaries go out to a webhook or through an email binding.
 */
package com.assistantgateway.adapters.scrape;
