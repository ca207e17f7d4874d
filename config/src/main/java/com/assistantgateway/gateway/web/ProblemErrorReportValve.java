package com.assistantgateway.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Requests Tomcat refuses before any servlet sees them (a header over the size limit, a malformed request line) get
 * the same RFC 7807 problem document as every other refusal, not Tomcat's HTML page with its version in it.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final StringManager TOMCAT = StringManager.getManager("org.apache.catalina.valves");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String title = reason(status);
        String body = "{\"type\":\"https://assistant-gateway.dev/problems/" + slug(title) + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail(status) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the connection is gone; nothing is left to tell
        }
    }

    private static String reason(int status) {
        String reason = TOMCAT.getString("http." + status + ".reason");
        return reason == null || reason.startsWith("http.") ? "Error" : reason;
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    private static String detail(int status) {
        return status == 400
                ? "The request could not be read: its headers are too large or malformed (each header at most 16 KB)."
                : "The request was refused before it reached the gateway.";
    }
}
