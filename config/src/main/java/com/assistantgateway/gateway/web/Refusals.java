package com.assistantgateway.gateway.web;

import com.assistantgateway.routes.backbone.Problems;
import com.assistantgateway.routes.port.ChannelRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Channel refusals written by servlet filters exactly as the channel routes write them. */
public final class Refusals {

    private Refusals() {}

    /** The refusal's status, its problem document and, when waiting cures it, {@code Retry-After}. */
    public static void write(HttpServletResponse response, ChannelRequestException refused, Problems problems)
            throws IOException {
        response.setStatus(refused.status());
        String retryAfter = problems.retryAfter(refused);
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        response.setContentType("application/problem+json");
        response.getOutputStream().write(problems.body(refused).getBytes(StandardCharsets.UTF_8));
    }
}
