/** Benchmarks (not tests): webhook load against a running gateway, and the floors it is compared with. */
package com.assistantgateway.bench;
