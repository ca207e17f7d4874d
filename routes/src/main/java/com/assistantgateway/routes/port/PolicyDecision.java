package com.assistantgateway.routes.port;

/**
 * One thing a policy did to a question or an answer; audited with the version of the policy that decided.
 *
 * @param rule which rule: {@code pii}, {@code topic}, {@code length}, {@code tone}, {@code disclaimer}
 * @param version the policy's version
 * @param action {@code redacted}, {@code refused}, {@code handed-over}, {@code rewritten}, {@code appended}
 * @param detail what it found, without the personal data itself ({@code email x1, phone x1})
 */
public record PolicyDecision(String rule, int version, String action, String detail) {}
