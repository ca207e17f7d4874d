package com.assistantgateway.orchestrator.answer;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * LangChain4j's HTTP client on an Apache client: the outbound guard's for LLM endpoints a tenant set (every connection
 * to them is checked where it really goes), a pool of the platform's own for the platform's endpoint. One HTTP stack
 * for every outbound call: blocking, on the caller's thread, no selector and worker threads of a second client.
 * Streaming answers are read on the given executor, as LangChain4j expects the call to return at once.
 */
public final class ApacheLlmHttp implements HttpClient {

    private final CloseableHttpClient client;
    private final ExecutorService streams;
    private final RequestConfig config;

    private ApacheLlmHttp(CloseableHttpClient client, ExecutorService streams, Duration readTimeout) {
        this.client = client;
        this.streams = streams;
        this.config = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(readTimeout))
                .build();
    }

    public static HttpClientBuilder builder(CloseableHttpClient client, ExecutorService streams) {
        return new Builder(client, streams);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            return client.execute(apache(request), response -> {
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                if (response.getCode() / 100 != 2) {
                    throw new HttpException(response.getCode(), body);
                }
                return successful(response, body);
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streams.execute(() -> {
            HttpUriRequestBase call = apache(request);
            try {
                client.execute(call, response -> {
                    if (response.getCode() / 100 != 2) {
                        String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                        listener.onError(new HttpException(response.getCode(), body));
                        return null;
                    }
                    listener.onOpen(successful(response, null));
                    try (InputStream events =
                            new Abandonable(response.getEntity().getContent(), call)) {
                        parser.parse(events, listener);
                    }
                    listener.onClose();
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                listener.onError(e);
            }
        });
    }

    /**
     * A streamed body that, closed before its end (LangChain4j closes it when a generation is cancelled), aborts the
     * connection: Apache's client would otherwise read the rest to reuse the connection, and the LLM would go on
     * generating, and billing, an answer nobody reads.
     */
    private static final class Abandonable extends FilterInputStream {
        private final HttpUriRequestBase call;
        private boolean ended;

        Abandonable(InputStream body, HttpUriRequestBase call) {
            super(body);
            this.call = call;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            ended |= read < 0;
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            ended |= read < 0;
            return read;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                call.cancel();
            }
            super.close();
        }
    }

    private HttpUriRequestBase apache(HttpRequest request) {
        HttpUriRequestBase apache = new HttpUriRequestBase(request.method().name(), java.net.URI.create(request.url()));
        apache.setConfig(config);
        request.headers().forEach((name, values) -> values.forEach(value -> apache.addHeader(name, value)));
        if (request.body() != null) {
            apache.setEntity(
                    new StringEntity(request.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        }
        return apache;
    }

    private static SuccessfulHttpResponse successful(ClassicHttpResponse response, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.getCode())
                .headers(headers)
                .body(body)
                .build();
    }

    /** Timeouts as LangChain4j sets them; the connect timeout is the guard's own. */
    private static final class Builder implements HttpClientBuilder {
        private final CloseableHttpClient client;
        private final ExecutorService streams;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        Builder(CloseableHttpClient client, ExecutorService streams) {
            this.client = client;
            this.streams = streams;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new ApacheLlmHttp(client, streams, readTimeout);
        }
    }
}
