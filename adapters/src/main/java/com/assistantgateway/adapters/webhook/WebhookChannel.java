package com.assistantgateway.adapters.webhook;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The webhook channel: reached at its URL, calls back the binding's callback URL. */
@Component
public class WebhookChannel implements ChannelType {

    @Override
    public ChannelId id() {
        return WebhookBinding.CHANNEL;
    }

    @Override
    public String inboundAddress(String publicBaseUrl, String inboundKey) {
        return "POST " + publicBaseUrl + "/channels/webhook/" + inboundKey;
    }

    @Override
    public List<OutboundSetting> outboundSettings() {
        return List.of(OutboundSetting.url(WebhookBinding.CALLBACK_URL));
    }

    @Override
    public List<String> problems(TenantId tenant, String inboundKey, Map<String, String> settings) {
        String scheme = settings.getOrDefault(WebhookBinding.SIGNATURE_SCHEME, WebhookBinding.TIMESTAMPED);
        return List.of(WebhookBinding.TIMESTAMPED, WebhookBinding.BODY_ONLY).contains(scheme)
                ? List.of()
                : List.of(WebhookBinding.SIGNATURE_SCHEME + " must be '" + WebhookBinding.TIMESTAMPED + "' or '"
                        + WebhookBinding.BODY_ONLY + "' (weaker: replayable)");
    }
}
