package com.assistantgateway.routes.port;

/**
 * How a binding's connection is doing on this instance: a tenant sees its own mailbox that cannot be reached here,
 * never in the platform's health.
 *
 * @param state {@code running}, {@code starting} (its routes run, its first poll is yet to come), {@code failing} (its
 *     routes run, but polls fail), {@code not-started} (its
 *     routes could not start: a refused host, a missing setting), {@code elsewhere} (it polls a mailbox or a crawl
 *     schedule, and another instance of the cluster does that) or {@code stopped} (disabled, or its tenant suspended)
 * @param detail what failed, for the tenant admin; {@code null} when nothing did
 */
public record BindingState(String state, String detail) {

    public static final String RUNNING = "running";
    public static final String STARTING = "starting";
    public static final String FAILING = "failing";
    public static final String NOT_STARTED = "not-started";
    public static final String STOPPED = "stopped";
    public static final String ELSEWHERE = "elsewhere";

    public static BindingState running() {
        return new BindingState(RUNNING, null);
    }

    public boolean healthy() {
        return RUNNING.equals(state) || STARTING.equals(state) || ELSEWHERE.equals(state);
    }
}
