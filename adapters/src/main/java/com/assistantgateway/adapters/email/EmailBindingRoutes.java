package com.assistantgateway.adapters.email;

import com.assistantgateway.routes.backbone.BindingRouteSet;
import com.assistantgateway.routes.backbone.BindingRoutes;
import com.assistantgateway.routes.port.ChannelBinding;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mail.DefaultAuthenticator;
import org.springframework.stereotype.Component;

/** Starts a binding's mailbox poll ({@code email.inbound.<tenant>.<binding>}) and SMTP sender ({@code email.outbound...}). */
@Component
public class EmailBindingRoutes implements BindingRouteSet {

    @Override
    public String channel() {
        return EmailBinding.CHANNEL;
    }

    @Override
    public void addRoutes(CamelContext context, ChannelBinding binding) {
        String imapUser = EmailBinding.username(binding);
        TemplatedRouteBuilder.builder(context, EmailRoutes.INBOUND + EmailBinding.imapProtocol(binding))
                .routeId(BindingRoutes.routeId(EmailBinding.CHANNEL, "inbound", binding))
                .parameter(EmailRoutes.TENANT, binding.tenantId().value())
                .parameter(EmailRoutes.BINDING, binding.id())
                .parameter(EmailRoutes.HOST, EmailBinding.required(binding, EmailBinding.IMAP_HOST))
                .parameter(EmailRoutes.PORT, EmailBinding.required(binding, EmailBinding.IMAP_PORT))
                .parameter(EmailRoutes.USERNAME, imapUser)
                .parameter(
                        EmailRoutes.POLL_MILLIS,
                        binding.setting(EmailBinding.POLL_MILLIS).orElse("10000"))
                .bean(EmailRoutes.AUTHENTICATOR, new DefaultAuthenticator(imapUser, EmailBinding.password(binding)))
                .add();

        String smtpUser = binding.credential(EmailBinding.SMTP_USERNAME).orElse(imapUser);
        String smtpPassword = binding.credential(EmailBinding.SMTP_PASSWORD).orElse(EmailBinding.password(binding));
        TemplatedRouteBuilder.builder(context, EmailRoutes.OUTBOUND + EmailBinding.smtpProtocol(binding))
                .routeId(BindingRoutes.routeId(EmailBinding.CHANNEL, "outbound", binding))
                .parameter(EmailRoutes.TENANT, binding.tenantId().value())
                .parameter(EmailRoutes.BINDING, binding.id())
                .parameter(EmailRoutes.HOST, EmailBinding.required(binding, EmailBinding.SMTP_HOST))
                .parameter(EmailRoutes.PORT, EmailBinding.required(binding, EmailBinding.SMTP_PORT))
                .parameter(EmailRoutes.USERNAME, smtpUser)
                .parameter(EmailRoutes.SELECTOR, BindingRoutes.selector(binding))
                .bean(EmailRoutes.AUTHENTICATOR, new DefaultAuthenticator(smtpUser, smtpPassword))
                .add();
    }
}
