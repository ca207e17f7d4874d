package com.assistantgateway.adapters.twilio;

import com.assistantgateway.routes.message.GatewayMessage;

/**
 * One Twilio message of a reply: a segment-sized piece of its text, or a WhatsApp template.
 *
 * @param from the sending number, unless {@code messagingServiceSid} sends
 * @param contentSid an approved template, sent instead of free-form text
 * @param statusCallback where Twilio reports this message's delivery status
 * @param sendRate what its sender delivers a second (SMS segments, WhatsApp messages)
 */
public record TwilioPart(
        GatewayMessage reply,
        int part,
        String accountSid,
        String to,
        String from,
        String messagingServiceSid,
        String body,
        String contentSid,
        String contentVariables,
        String statusCallback,
        int sendRate) {

    /** Who sends it, for pacing: the Messaging Service, or the number, of its subaccount and channel. */
    String sender() {
        return String.join(":", accountSid, messagingServiceSid != null ? messagingServiceSid : from);
    }
}
