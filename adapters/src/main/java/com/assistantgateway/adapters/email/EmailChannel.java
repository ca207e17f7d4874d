package com.assistantgateway.adapters.email;

import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The email channel: a mailbox customers write to, polled over IMAP or POP3, answered over SMTP. */
@Component
public class EmailChannel implements ChannelType {

    private static final Set<String> MAILBOX_PROTOCOLS = Set.of("imap", "imaps", "pop3", "pop3s");
    private static final Set<String> SMTP_PROTOCOLS = Set.of("smtp", "smtps");

    @Override
    public ChannelId id() {
        return EmailBinding.CHANNEL;
    }

    @Override
    public String inboundAddress(String publicBaseUrl, String inboundKey) {
        return inboundKey;
    }

    @Override
    public List<OutboundSetting> outboundSettings() {
        return List.of(
                OutboundSetting.host(EmailBinding.IMAP_HOST, EmailBinding.IMAP_PORT, 993),
                OutboundSetting.host(EmailBinding.SMTP_HOST, EmailBinding.SMTP_PORT, 465));
    }

    @Override
    public List<String> problems(TenantId tenant, String inboundKey, Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        String mailbox = settings.getOrDefault(EmailBinding.IMAP_PROTOCOL, "imaps");
        if (!MAILBOX_PROTOCOLS.contains(mailbox)) {
            problems.add(EmailBinding.IMAP_PROTOCOL + " must be one of imaps, imap, pop3s, pop3");
        }
        if (!SMTP_PROTOCOLS.contains(settings.getOrDefault(EmailBinding.SMTP_PROTOCOL, "smtps"))) {
            problems.add(EmailBinding.SMTP_PROTOCOL + " must be smtps or smtp");
        }
        for (String required : List.of(
                EmailBinding.IMAP_HOST, EmailBinding.IMAP_PORT, EmailBinding.SMTP_HOST, EmailBinding.SMTP_PORT)) {
            if (settings.getOrDefault(required, "").isBlank()) {
                problems.add(required + " is required");
            }
        }
        return problems;
    }
}
