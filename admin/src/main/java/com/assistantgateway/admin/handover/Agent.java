package com.assistantgateway.admin.handover;

import java.time.Instant;

/** A person who takes handed-over conversations in a tenant. */
public record Agent(String email, boolean available, int capacity, Instant lastAssignedAt) {}
