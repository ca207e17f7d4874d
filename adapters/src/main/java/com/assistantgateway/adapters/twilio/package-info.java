/**
 * SMS and WhatsApp through Twilio: signed webhooks in (validated with Twilio's own RequestValidator), replies out
 * through camel-twilio's Messages create, status callbacks, opt-out keywords, SMS segmenting and WhatsApp's 24-hour
 * customer-service window.
 */
package com.assistantgateway.adapters.twilio;
