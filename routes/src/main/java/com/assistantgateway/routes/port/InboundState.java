package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound message as its processor finds it in the ledger.
 *
 * @param status where the message is in its life
 * @param reply the reply stored for it, when it was answered before this delivery
 * @param takenOver whether a person has taken its conversation over, so no assistant may answer it
 */
public record InboundState(MessageStatus status, Optional<GatewayMessage> reply, boolean takenOver) {

    public InboundState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reply, "reply");
    }
}
