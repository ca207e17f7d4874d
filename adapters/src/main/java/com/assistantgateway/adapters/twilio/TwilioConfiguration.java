package com.assistantgateway.adapters.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(TwilioProperties.class)
class TwilioConfiguration {

    /** camel-twilio autowires the one TwilioRestClient bean as its component's client. */
    @Bean
    TwilioRestClient twilioRestClient(TwilioProperties properties) {
        String accountSid = properties.accountSid().isBlank() ? "ACnotconfigured" : properties.accountSid();
        String token = properties.authToken().isBlank() ? "not-configured" : properties.authToken();
        return new GatewayTwilioClient(
                new TwilioRestClient.Builder(accountSid, token)
                        .accountSid(accountSid)
                        .httpClient(new NetworkHttpClient()),
                properties.apiBaseUrl());
    }
}
