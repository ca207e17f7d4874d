package com.assistantgateway.routes.port;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel request the gateway refuses, with the HTTP status and a stable code for the caller. Thrown before anything
 * is stored, so a refused request leaves nothing behind.
 */
public class ChannelRequestException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public ChannelRequestException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    private ChannelRequestException(int status, String code, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** Not ready yet: {@code 503 starting}, and a few seconds to wait. */
    public static ChannelRequestException starting(String detail) {
        return new ChannelRequestException(503, "starting", detail, Duration.ofSeconds(5));
    }

    /** Over a rate limit: {@code 429}, and when to send again. */
    public static ChannelRequestException rateLimited(String detail, Duration retryAfter) {
        return new ChannelRequestException(429, "rate-limited", detail, retryAfter);
    }

    public static ChannelRequestException unauthorized(String detail) {
        return new ChannelRequestException(401, "unauthorized", detail);
    }

    public static ChannelRequestException forbidden(String detail) {
        return new ChannelRequestException(403, "forbidden", detail);
    }

    public static ChannelRequestException notFound(String detail) {
        return new ChannelRequestException(404, "not-found", detail);
    }

    public static ChannelRequestException badRequest(String detail) {
        return new ChannelRequestException(400, "bad-request", detail);
    }

    public static ChannelRequestException tooLarge(String detail) {
        return new ChannelRequestException(413, "payload-too-large", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** How long the caller is asked to wait before sending again, for refusals that pass. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
