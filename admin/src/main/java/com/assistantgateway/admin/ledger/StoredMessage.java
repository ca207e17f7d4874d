package com.assistantgateway.admin.ledger;

/** A message as stored: its canonical JSON and where it is in its life. */
public record StoredMessage(String payload, String status, String direction) {}
