package com.assistantgateway.admin.ledger;

/** A stored message's canonical JSON with its position ({@code seq}) in the ledger. */
public record PositionedMessage(long seq, String payload) {}
