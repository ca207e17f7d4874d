/**
 * The Kafka channel: per binding, a topic whose JSON records become canonical messages (key = conversation) and a
 * reply topic with the same key; and the gateway's event stream, keyed by tenant, for analytics and monitoring.
 */
package com.assistantgateway.adapters.kafka;
