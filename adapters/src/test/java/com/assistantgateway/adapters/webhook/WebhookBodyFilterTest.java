package com.assistantgateway.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookBodyFilterTest {

    @Test
    void jsonOrNoContentTypeIsAcceptedAndFormsAreNot() {
        assertThat(WebhookBodyFilter.acceptable(null)).isTrue();
        assertThat(WebhookBodyFilter.acceptable("application/json")).isTrue();
        assertThat(WebhookBodyFilter.acceptable("application/json; charset=utf-8"))
                .isTrue();
        assertThat(WebhookBodyFilter.acceptable("application/vnd.acme+json")).isTrue();
        assertThat(WebhookBodyFilter.acceptable("application/x-www-form-urlencoded"))
                .isFalse();
        assertThat(WebhookBodyFilter.acceptable("multipart/form-data; boundary=x"))
                .isFalse();
        assertThat(WebhookBodyFilter.acceptable("text/plain")).isFalse();
        assertThat(WebhookBodyFilter.acceptable("not a type")).isFalse();
    }

    @Test
    void onlyWellFormedUtf8PassesNeitherOverlongFormsNorEncodedSurrogates() {
        assertThat(WebhookBodyFilter.utf8("{\"text\":\"año 👋🏽\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(WebhookBodyFilter.utf8(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .isFalse();
        assertThat(WebhookBodyFilter.utf8(new byte[] {(byte) 0xC0, (byte) 0xAF}))
                .isFalse();
        assertThat(WebhookBodyFilter.utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .isFalse();
        assertThat(WebhookBodyFilter.utf8("año".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isFalse();
    }
}
