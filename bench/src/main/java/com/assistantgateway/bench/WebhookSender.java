package com.assistantgateway.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

/**
 * Posts messages to one webhook binding and reads the id each was stored under. Blocking, on kept-alive connections
 * (the JDK's {@link HttpURLConnection}): the load generator shares the machine with the gateway, and the asynchronous
 * JDK HttpClient and a JSON tree per message cost a cold generator about as much CPU as the gateway spends on a
 * message, which measured the generator more than the gateway.
 */
final class WebhookSender {

    /** Kept-alive connections per host; the JDK keeps 5 unless told, and senders beyond that reconnect every time. */
    static {
        System.setProperty("http.maxConnections", "256");
    }

    /** What {@link #send} returns for a message refused as over a limit ({@code 429}). */
    static final String REFUSED = "";

    private static final JsonFactory JSON = new JsonFactory();

    private final URL url;
    private final String authorization;

    WebhookSender(String baseUrl, String binding, String token) {
        try {
            this.url = URI.create(baseUrl + "/channels/webhook/" + binding).toURL();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        this.authorization = "Bearer " + token;
    }

    /** The stored message's id, or {@link #REFUSED}; any other answer than {@code 202} or {@code 429} throws. */
    String send(String from, String text) throws IOException {
        byte[] body = body(from, text);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Authorization", authorization);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        // Read every answer to its end, so the connection goes back to the pool for the next message.
        byte[] answer;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        if (status == 429) {
            return REFUSED;
        }
        if (status != 202) {
            throw new IllegalStateException("gateway answered " + status + ": " + new String(answer));
        }
        return topLevelText(answer, "messageId");
    }

    /** A top-level string field of a JSON object, read without building a tree. */
    static String topLevelText(byte[] json, String field) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
        }
        throw new IOException("no " + field + " in " + new String(json));
    }

    private static byte[] body(String from, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("from", from);
            json.writeStringField("text", text);
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
