/** Channel adapters: one package per channel, each an inbound normalizer and an outbound sender; never each other. */
package com.assistantgateway.adapters;
