package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The web chat channel: reached through the widget's embed line, answered over the visitor's event stream. */
@Component
public class WebchatChannel implements ChannelType {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public ChannelId id() {
        return WebchatBinding.CHANNEL;
    }

    /** The line a tenant pastes into its pages: the console shows it, ready to copy. */
    @Override
    public String inboundAddress(String publicBaseUrl, String inboundKey) {
        return "<script async src=\"" + publicBaseUrl + WebchatRoutes.LOADER_PATH + "\" data-binding=\"" + inboundKey
                + "\"></script>";
    }

    @Override
    public Map<String, String> generatedCredentials() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Map.of(WebchatBinding.SESSION_KEY, Base64.getEncoder().encodeToString(key));
    }

    @Override
    public List<String> problems(TenantId tenant, String inboundKey, Map<String, String> settings) {
        return WebchatBinding.problems(settings);
    }
}
