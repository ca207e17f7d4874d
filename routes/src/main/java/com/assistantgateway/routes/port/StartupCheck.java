package com.assistantgateway.routes.port;

import java.util.Optional;

/**
 * Something the gateway must have done before it is ready to serve (its channel routes started, the demo's knowledge
 * indexed): readiness stays out of service while any check says what it still waits for.
 */
public interface StartupCheck {

    /** What is still being waited for, in a few words; empty once done. */
    Optional<String> pending();
}
