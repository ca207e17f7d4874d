package com.assistantgateway.adapters.twilio;

import com.assistantgateway.routes.message.GatewayMessage;

/**
 * One Twilio message of a reply: a segment-sized piece of its text, or a WhatsApp template.
 *
 * @param from the sending number, unless {@code messagingServiceSid} sends
 * @param contentSid an approved template, sent instead of free-form text
 * @param statusCallback where Twilio reports this message's delivery status
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
        String statusCallback) {}
