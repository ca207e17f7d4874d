package com.assistantgateway.gateway.channels;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local web site whose pages a test can change, recording every request with its User-Agent. */
final class SiteServer implements AutoCloseable {

    record Request(String path, String userAgent) {}

    private record Resource(String contentType, String body) {}

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    SiteServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("User-Agent")));
            Resource resource = resources.get(path);
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = resource.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", resource.contentType());
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A whole HTML document, as written. */
    void document(String path, String html) {
        resources.put(path, new Resource("text/html; charset=utf-8", html));
    }

    void page(String path, String title, String mainHtml) {
        resources.put(
                path,
                new Resource(
                        "text/html; charset=utf-8",
                        "<!doctype html><html><head><title>" + title
                                + "</title><style>p{color:red}</style></head><body><nav><a href=\"/\">Home</a> Menu</nav><main>"
                                + mainHtml + "</main><footer>© Demo Car Parts</footer></body></html>"));
    }

    void file(String path, String contentType, String body) {
        resources.put(path, new Resource(contentType, body));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
