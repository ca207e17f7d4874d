package com.assistantgateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON calls to the gateway's admin API and channels, failing on any status the caller did not expect. */
final class JsonApi {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final String url;
    private final String origin;

    /** {@code origin}: the page the calls come from (web chat checks it), or null for none. */
    JsonApi(HttpClient http, String url, String origin) {
        this.http = http;
        this.url = url;
        this.origin = origin;
    }

    /** The response, when its status is one of {@code expected} (any 2xx when none is given). */
    HttpResponse<String> call(String method, String path, Object body, String token, int... expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean wanted = expected.length == 0 && response.statusCode() / 100 == 2;
        for (int status : expected) {
            wanted |= response.statusCode() == status;
        }
        if (!wanted) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
