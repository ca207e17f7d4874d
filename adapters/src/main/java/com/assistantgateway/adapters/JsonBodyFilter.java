package com.assistantgateway.adapters;

import com.assistantgateway.routes.backbone.Problems;
import com.assistantgateway.routes.port.ChannelRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a JSON channel's request body (webhook, web chat) before Camel reads it as text: not JSON is 415 (the servlet layer would otherwise parse a
 * form-encoded body, curl's default for {@code -d}, as form fields and fail with an opaque 500), and not UTF-8 is 400
 * (the servlet reader would fail on it, a 500, or replace what it cannot read and garble the message).
 */
public class JsonBodyFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final int maxBodyBytes;

    public JsonBodyFilter(Problems problems, int maxBodyBytes) {
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
    }

    static boolean acceptable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    static boolean utf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!acceptable(request.getContentType())) {
            refuse(
                    response,
                    new ChannelRequestException(
                            415,
                            "unsupported-media-type",
                            "Send the body as JSON with 'Content-Type: application/json', not "
                                    + request.getContentType() + "."));
            return;
        }
        InputStream body = request.getInputStream();
        byte[] head = body.readNBytes(maxBodyBytes + 1);
        if (head.length > maxBodyBytes) {
            // Over the limit: the channel answers 413 for it; nothing here needs the rest.
            chain.doFilter(
                    new Replayed(request, new SequenceInputStream(new ByteArrayInputStream(head), body)), response);
            return;
        }
        if (!utf8(head)) {
            refuse(
                    response,
                    ChannelRequestException.badRequest("The body is not valid UTF-8; send JSON encoded as UTF-8."));
            return;
        }
        chain.doFilter(new Replayed(request, new ByteArrayInputStream(head)), response);
    }

    private void refuse(HttpServletResponse response, ChannelRequestException refused) throws IOException {
        response.setStatus(refused.status());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(problems.body(refused).getBytes(StandardCharsets.UTF_8));
    }

    /** The request with the body it was read for already, read again from memory, as UTF-8 text. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final InputStream body;

        Replayed(HttpServletRequest request, InputStream body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return body.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return body.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return body.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }
    }
}
