package com.assistantgateway.adapters.email;

import com.assistantgateway.routes.backbone.BindingRouteSet;
import com.assistantgateway.routes.backbone.BindingRoutes;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.outbound.GuardedSocketFactory;
import com.assistantgateway.routes.outbound.OutboundTargets;
import com.assistantgateway.routes.port.ChannelBinding;
import jakarta.mail.Session;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mail.DefaultAuthenticator;
import org.springframework.stereotype.Component;

/**
 * Starts a binding's mailbox poll ({@code email.inbound.<tenant>.<binding>}) and SMTP sender ({@code
 * email.outbound...}). Both talk to servers the tenant named, so their mail sessions open only sockets the outbound
 * guard checks; the hosts are checked once more before the routes start.
 */
@Component
public class EmailBindingRoutes implements BindingRouteSet {

    /** Jakarta Mail's own default is to wait forever; these are Camel's mail defaults. */
    private static final String READ_TIMEOUT_MILLIS = "30000";

    private final OutboundTargets targets;
    private final GuardedSocketFactory sockets;

    public EmailBindingRoutes(OutboundTargets targets, GuardedSocketFactory sockets) {
        this.targets = targets;
        this.sockets = sockets;
    }

    @Override
    public ChannelId channel() {
        return EmailBinding.CHANNEL;
    }

    /** One instance of a cluster polls this binding: see {@code PollingOwnership}. */
    @Override
    public boolean polls() {
        return true;
    }

    @Override
    public void addRoutes(CamelContext context, ChannelBinding binding, List<String> started) {
        String imapHost = EmailBinding.required(binding, EmailBinding.IMAP_HOST);
        String imapPort = EmailBinding.required(binding, EmailBinding.IMAP_PORT);
        String smtpHost = EmailBinding.required(binding, EmailBinding.SMTP_HOST);
        String smtpPort = EmailBinding.required(binding, EmailBinding.SMTP_PORT);
        targets.checkHost(EmailBinding.IMAP_HOST, imapHost, Integer.parseInt(imapPort));
        targets.checkHost(EmailBinding.SMTP_HOST, smtpHost, Integer.parseInt(smtpPort));

        String imapUser = EmailBinding.username(binding);
        String mailbox = EmailBinding.imapProtocol(binding);
        started.add(TemplatedRouteBuilder.builder(context, EmailRoutes.INBOUND + mailbox)
                .routeId(BindingRoutes.routeId(EmailBinding.CHANNEL, "inbound", binding))
                .parameter(EmailRoutes.TENANT, binding.tenantId().value())
                .parameter(EmailRoutes.BINDING, binding.id())
                .parameter(EmailRoutes.HOST, imapHost)
                .parameter(EmailRoutes.PORT, imapPort)
                .parameter(EmailRoutes.USERNAME, imapUser)
                .parameter(
                        EmailRoutes.POLL_MILLIS,
                        binding.setting(EmailBinding.POLL_MILLIS).orElse("10000"))
                .bean(EmailRoutes.AUTHENTICATOR, new DefaultAuthenticator(imapUser, EmailBinding.password(binding)))
                .bean(EmailRoutes.SESSION, session(mailbox))
                .add());

        String smtpUser = binding.credential(EmailBinding.SMTP_USERNAME).orElse(imapUser);
        String smtpPassword = binding.credential(EmailBinding.SMTP_PASSWORD).orElse(EmailBinding.password(binding));
        String smtp = EmailBinding.smtpProtocol(binding);
        started.add(TemplatedRouteBuilder.builder(context, EmailRoutes.OUTBOUND + smtp)
                .routeId(BindingRoutes.routeId(EmailBinding.CHANNEL, "outbound", binding))
                .parameter(EmailRoutes.TENANT, binding.tenantId().value())
                .parameter(EmailRoutes.BINDING, binding.id())
                .parameter(EmailRoutes.HOST, smtpHost)
                .parameter(EmailRoutes.PORT, smtpPort)
                .parameter(EmailRoutes.USERNAME, smtpUser)
                .parameter(EmailRoutes.SELECTOR, BindingRoutes.selector(binding))
                .bean(EmailRoutes.AUTHENTICATOR, new DefaultAuthenticator(smtpUser, smtpPassword))
                .bean(EmailRoutes.SESSION, session(smtp))
                .add());
    }

    /** A mail session of the binding's own whose every socket is checked where it connects. */
    private Session session(String protocol) {
        Properties properties = sockets.mailProperties(protocol);
        String connectTimeout = Long.toString(targets.rules().connectTimeout().toMillis());
        properties.put("mail." + protocol + ".connectiontimeout", connectTimeout);
        properties.put("mail." + protocol + ".timeout", READ_TIMEOUT_MILLIS);
        return Session.getInstance(properties);
    }
}
