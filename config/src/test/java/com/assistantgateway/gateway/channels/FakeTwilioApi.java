package com.assistantgateway.gateway.channels;

import com.assistantgateway.routes.message.CanonicalJson;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's side of the SMS and WhatsApp channels. A local HTTP server answering Twilio's Messages create (POST
 * /2010-04-01/Accounts/{sid}/Messages.json) the way Twilio does (201 and the message resource), recording the exact
 * form parameters the gateway sent; and Twilio's webhooks to the gateway: its real payloads, signed as Twilio signs.
 */
public final class FakeTwilioApi implements AutoCloseable {

    private static final Path WEBHOOK_PAYLOADS = Path.of("../testdata/twilio/webhook-payloads.json");

    /**
     * One Messages create request: its path, Basic auth header and form parameters (repeated ones kept), and when it
     * arrived ({@link System#nanoTime()}).
     */
    public record Create(
            String path, String authorization, Map<String, List<String>> form, String sid, long arrivedNanos) {
        public String param(String name) {
            List<String> values = form.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Create> creates = new CopyOnWriteArrayList<>();

    public FakeTwilioApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2010-04-01/Accounts/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            Map<String, List<String>> form = form(body);
            creates.add(new Create(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    form,
                    sid,
                    System.nanoTime()));
            String json = "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + first(form, "To")
                    + "\",\"from\":\"" + first(form, "From") + "\",\"num_segments\":\"1\"}";
            byte[] response = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Create> createsFrom(String from) {
        return creates.stream().filter(c -> from.equals(c.param("From"))).toList();
    }

    public List<Create> createsTo(String to) {
        return creates.stream().filter(c -> to.equals(c.param("To"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A webhook payload Twilio really sent, as recorded in {@code testdata/twilio}, by its name there. */
    public static Map<String, String> recorded(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        try {
            CanonicalJson.mapper()
                    .readTree(Files.readString(WEBHOOK_PAYLOADS))
                    .get(name)
                    .fields()
                    .forEachRemaining(e -> form.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return form;
    }

    /** An inbound message webhook: the recorded payload {@code name} from this customer, with this text and a new SID. */
    public static Map<String, String> webhook(String name, String accountSid, String from, String text) {
        Map<String, String> form = recorded(name);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        form.put("From", from);
        form.put("Body", text);
        form.put("MessageSid", sid);
        form.put("SmsMessageSid", sid);
        form.put("SmsSid", sid);
        form.put("AccountSid", accountSid);
        return form;
    }

    /** Twilio's algorithm: Base64(HMAC-SHA1(token, url + each parameter name and value, sorted by name)). */
    public static String signature(String token, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook's body as Twilio posts it: application/x-www-form-urlencoded. */
    public static String formBody(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.computeIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        return form.containsKey(name) ? form.get(name).get(0) : "";
    }
}
