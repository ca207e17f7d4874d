/** The echo assistant: replies with the text it received; isolates the gateway's own overhead in benchmarks. */
package com.assistantgateway.orchestrator.echo;
