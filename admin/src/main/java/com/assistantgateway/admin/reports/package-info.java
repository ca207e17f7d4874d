/** The console's overview: volume, answer rate, confidence distribution and latency per channel of a tenant. */
package com.assistantgateway.admin.reports;
