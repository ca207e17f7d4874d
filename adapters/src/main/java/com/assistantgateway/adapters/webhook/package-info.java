/**
 * The webhook channel: systems POST messages authenticated by bearer token or HMAC signature, poll for the reply or
 * receive it as a signed callback.
 */
package com.assistantgateway.adapters.webhook;
