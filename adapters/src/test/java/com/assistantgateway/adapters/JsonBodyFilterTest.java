package com.assistantgateway.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonBodyFilterTest {

    @Test
    void jsonOrNoContentTypeIsAcceptedAndFormsAreNot() {
        assertThat(JsonBodyFilter.acceptable(null)).isTrue();
        assertThat(JsonBodyFilter.acceptable("application/json")).isTrue();
        assertThat(JsonBodyFilter.acceptable("application/json; charset=utf-8")).isTrue();
        assertThat(JsonBodyFilter.acceptable("application/vnd.acme+json")).isTrue();
        assertThat(JsonBodyFilter.acceptable("application/x-www-form-urlencoded"))
                .isFalse();
        assertThat(JsonBodyFilter.acceptable("multipart/form-data; boundary=x")).isFalse();
        assertThat(JsonBodyFilter.acceptable("text/plain")).isFalse();
        assertThat(JsonBodyFilter.acceptable("not a type")).isFalse();
    }

    @Test
    void onlyWellFormedUtf8PassesNeitherOverlongFormsNorEncodedSurrogates() {
        assertThat(JsonBodyFilter.utf8("{\"text\":\"año 👋🏽\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(JsonBodyFilter.utf8(new byte[] {(byte) 0xC3, (byte) 0x28})).isFalse();
        assertThat(JsonBodyFilter.utf8(new byte[] {(byte) 0xC0, (byte) 0xAF})).isFalse();
        assertThat(JsonBodyFilter.utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .isFalse();
        assertThat(JsonBodyFilter.utf8("año".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isFalse();
    }
}
