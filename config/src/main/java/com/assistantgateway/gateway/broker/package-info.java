/** Broker settings: redelivery with backoff and a dead-letter queue per address, for the embedded Artemis. */
package com.assistantgateway.gateway.broker;
