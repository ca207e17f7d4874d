package com.assistantgateway.adapters.twilio;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SMS and WhatsApp, both through Twilio: a number's "A message comes in" webhook points at the binding's URL. Replies
 * go to Twilio's API, which the platform configures, so no setting of theirs names a place the gateway connects to.
 */
@Configuration(proxyBeanMethods = false)
public class TwilioChannels {

    @Bean
    ChannelType smsChannel() {
        return new Channel(TwilioBinding.SMS);
    }

    @Bean
    ChannelType whatsappChannel() {
        return new Channel(TwilioBinding.WHATSAPP);
    }

    private record Channel(ChannelId id) implements ChannelType {
        @Override
        public String inboundAddress(String publicBaseUrl, String inboundKey) {
            return publicBaseUrl + "/channels/twilio/" + inboundKey + "/" + id.value();
        }

        @Override
        public Optional<String> providerPushPath() {
            return Optional.of("/channels/twilio/");
        }

        @Override
        public List<String> problems(TenantId tenant, String inboundKey, Map<String, String> settings) {
            return TwilioBinding.sendRateProblem(settings).stream().toList();
        }
    }
}
