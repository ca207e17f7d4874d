package com.assistantgateway.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookMediaTypeFilterTest {

    @Test
    void jsonOrNoContentTypeIsAcceptedAndFormsAreNot() {
        assertThat(WebhookMediaTypeFilter.acceptable(null)).isTrue();
        assertThat(WebhookMediaTypeFilter.acceptable("application/json")).isTrue();
        assertThat(WebhookMediaTypeFilter.acceptable("application/json; charset=utf-8"))
                .isTrue();
        assertThat(WebhookMediaTypeFilter.acceptable("application/vnd.acme+json"))
                .isTrue();
        assertThat(WebhookMediaTypeFilter.acceptable("application/x-www-form-urlencoded"))
                .isFalse();
        assertThat(WebhookMediaTypeFilter.acceptable("multipart/form-data; boundary=x"))
                .isFalse();
        assertThat(WebhookMediaTypeFilter.acceptable("text/plain")).isFalse();
        assertThat(WebhookMediaTypeFilter.acceptable("not a type")).isFalse();
    }
}
