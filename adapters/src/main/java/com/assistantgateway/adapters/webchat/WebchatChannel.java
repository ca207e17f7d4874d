package com.assistantgateway.adapters.webchat;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The web chat channel: reached through the widget's embed line, answered over the visitor's event stream. */
@Component
public class WebchatChannel implements ChannelType {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

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
    public Optional<String> hostedPage(TenantId tenant, AssistantId assistant) {
        return Optional.of(
                HostedChatPage.PATH.replace("{tenant}", tenant.value()).replace("{assistant}", assistant.value()));
    }

    @Override
    public Optional<String> embedScript() {
        return Optional.of(WebchatRoutes.LOADER_PATH);
    }

    @Override
    public Map<String, String> generatedCredentials() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Map.of(WebchatBinding.SESSION_KEY, Base64.getEncoder().encodeToString(key));
    }

    @Override
    public List<String> problems(TenantId tenant, String inboundKey, Map<String, String> settings) {
        List<String> problems = new ArrayList<>(WebchatBinding.problems(settings));
        // It is part of the widget's URLs and of the tenant's pages.
        if (inboundKey == null || !KEY.matcher(inboundKey).matches()) {
            problems.add("the inbound key of a web chat binding is 1 to 100 letters, digits, '.', '_' or '-'");
        }
        return problems;
    }
}
