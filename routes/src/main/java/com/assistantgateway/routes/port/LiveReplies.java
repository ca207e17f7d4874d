package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.GatewayMessage;

/**
 * Where a reply can be shown while it is being written: a channel with someone watching (web chat) gets the LLM's
 * tokens as they come, and may ask for the generation to stop. The stored reply stays what the channel delivers; what
 * goes through here is only a preview of it, never stored and never replayed.
 */
public interface LiveReplies {

    /** Nobody watches anywhere: answers are generated whole. */
    LiveReplies NONE = new LiveReplies() {
        @Override
        public boolean watched(GatewayMessage inbound) {
            return false;
        }

        @Override
        public void partial(GatewayMessage inbound, String delta) {}

        @Override
        public boolean stopRequested(GatewayMessage inbound) {
            return false;
        }
    };

    /** Whether the reply to this message is watched as it is written: then it is streamed. */
    boolean watched(GatewayMessage inbound);

    /** The next piece of the reply to {@code inbound}, in order. */
    void partial(GatewayMessage inbound, String delta);

    /** Whether the customer asked to stop the reply to {@code inbound}; what was written until then is the reply. */
    boolean stopRequested(GatewayMessage inbound);
}
