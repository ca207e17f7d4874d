package com.assistantgateway.routes.message;

/** Which way a message travels: from a participant to an assistant, or a reply back. */
public enum Direction {
    INBOUND,
    OUTBOUND
}
