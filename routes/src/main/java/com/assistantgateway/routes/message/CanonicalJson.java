package com.assistantgateway.routes.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The wire form of {@link GatewayMessage}: ISO-8601 instants, unknown fields ignored so an older reader accepts a newer
 * minor revision of the contract.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CanonicalJson() {}

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static GatewayMessage read(String json) {
        try {
            return MAPPER.readValue(json, GatewayMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a canonical gateway message: " + e.getOriginalMessage(), e);
        }
    }
}
