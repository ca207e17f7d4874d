package com.assistantgateway.routes.port;

/**
 * A channel request the gateway refuses, with the HTTP status and a stable code for the caller. Thrown before anything
 * is stored, so a refused request leaves nothing behind.
 */
public class ChannelRequestException extends RuntimeException {

    private final int status;
    private final String code;

    public ChannelRequestException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
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
}
