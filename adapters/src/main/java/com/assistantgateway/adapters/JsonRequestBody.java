package com.assistantgateway.adapters;

import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.port.ChannelRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON channel request's body read strictly, with refusals a caller can act on (400): not UTF-8, not a JSON
 * object, a field of the wrong type or length, or text that no database column stores (an unpaired surrogate).
 */
public final class JsonRequestBody {

    private JsonRequestBody() {}

    /** Strict UTF-8 first: a body Jackson would read with replacement characters is refused, never stored garbled. */
    public static JsonNode object(byte[] raw) {
        String json;
        try {
            json = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw == null ? new byte[0] : raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ChannelRequestException.badRequest("The body is not valid UTF-8; send JSON encoded as UTF-8.");
        }
        try {
            JsonNode node = CanonicalJson.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw ChannelRequestException.badRequest("The body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ChannelRequestException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A string field of at most {@code maxLength} characters, or null when absent. */
    public static String optionalText(JsonNode request, String field, int maxLength) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ChannelRequestException.badRequest("'" + field + "' must be a string.");
        }
        if (value.asText().length() > maxLength) {
            throw ChannelRequestException.badRequest(
                    "'" + field + "' has " + value.asText().length() + " characters; at most " + maxLength + ".");
        }
        return wellFormed(field, value.asText());
    }

    /** A JSON escape can still spell half a surrogate pair, which no database column stores as text. */
    static String wellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ChannelRequestException.badRequest("'" + field + "' holds an unpaired UTF-16 surrogate (" + "\\u"
                        + Integer.toHexString(c) + "), which is no character.");
            }
        }
        return value;
    }
}
