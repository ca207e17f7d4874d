/**
 * The web chat channel: a visitor on a tenant's site (the embedded widget) or on the assistant's hosted page opens a
 * signed session, posts messages over HTTPS and receives the conversation's events over Server-Sent Events, replayed
 * from the ledger after the last event id it saw and announced live to every instance through a broker topic.
 */
package com.assistantgateway.adapters.webchat;
