package com.assistantgateway.admin.ledger;

/** An inbound message as its processor reads it: its status, its conversation's, and its reply if one is stored. */
public record InboundRow(String status, String conversationStatus, String replyPayload) {}
