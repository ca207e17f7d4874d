package com.assistantgateway.admin.reports;

import java.time.Instant;

/** An inbound message and, when it was answered, its reply: one row of the overview's input. */
public record Exchange(String channel, String status, Instant receivedAt, Instant answeredAt, Double confidence) {}
