package com.assistantgateway.adapters.email;

import com.assistantgateway.routes.backbone.BackboneRoutes;
import com.assistantgateway.routes.backbone.ErrorPolicies;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.backbone.GatewayQueues;
import com.assistantgateway.routes.backbone.InboundAdmission;
import java.util.List;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.MailEndpointBuilderFactory.MailEndpointBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/**
 * The email channel's route templates, instantiated per binding by {@link EmailBindingRoutes}. Inbound: a mailbox
 * poll (IMAP or POP3) whose mail is marked seen, or deleted, only after the message is stored and enqueued; a failure
 * leaves it for the next poll. Outbound: the binding's share of the email queue, sent over its SMTP server. Credentials
 * and the mail session reach the endpoints as beans bound to the route, never in an endpoint URI.
 */
@Component
public class EmailRoutes extends EndpointRouteBuilder {

    static final String INBOUND = "email-inbound-";
    static final String OUTBOUND = "email-outbound-";
    static final String TENANT = "tenant";
    static final String BINDING = "binding";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String POLL_MILLIS = "pollMillis";
    static final String SELECTOR = "selector";
    /** The route-local bean holding the binding's login. */
    static final String AUTHENTICATOR = "authenticator";
    /** The route-local mail session, whose sockets the outbound guard checks. */
    static final String SESSION = "session";

    private final EmailInbound inbound;
    private final EmailOutbound outbound;
    private final JacksonDataFormat canonicalJson;
    private final InboundAdmission admission;

    public EmailRoutes(
            EmailInbound inbound, EmailOutbound outbound, JacksonDataFormat canonicalJson, InboundAdmission admission) {
        this.inbound = inbound;
        this.admission = admission;
        this.outbound = outbound;
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        for (String protocol : List.of("imap", "imaps", "pop3", "pop3s")) {
            MailEndpointBuilder mailbox =
                    switch (protocol) {
                        case "imaps" -> imaps("{{host}}:{{port}}");
                        case "pop3" -> pop3("{{host}}:{{port}}");
                        case "pop3s" -> pop3s("{{host}}:{{port}}");
                        default -> imap("{{host}}:{{port}}");
                    };
            // IMAP: read unseen mail without marking it (peek) and mark it seen after the ingress commit. POP3 has no
            // flags: a mail is deleted from the server after the ingress commit instead.
            boolean pop3 = protocol.startsWith("pop3");
            routeTemplate(INBOUND + protocol)
                    .templateParameter(TENANT)
                    .templateParameter(BINDING)
                    .templateParameter(HOST)
                    .templateParameter(PORT)
                    .templateParameter(USERNAME)
                    .templateParameter(POLL_MILLIS, "10000")
                    .from(mailbox.username("{{username}}")
                            .unseen(!pop3)
                            .peek(!pop3)
                            .delete(pop3)
                            .delay("{{pollMillis}}")
                            .maxMessagesPerPoll(50)
                            .advanced()
                            .authenticator("#{{" + AUTHENTICATOR + "}}")
                            .session("#{{" + SESSION + "}}")
                            .mapMailMessage(false))
                    .routeConfigurationId(ErrorPolicies.SOURCE_RETRY)
                    .setHeader(GatewayHeaders.TENANT_ID, constant("{{tenant}}"))
                    .setHeader(GatewayHeaders.BINDING_ID, constant("{{binding}}"))
                    .bean(inbound, "normalize")
                    .filter(body().isNotNull())
                    // Over the tenant's limit a mail stays unseen on the server: the next poll paces it.
                    .bean(admission, "hold")
                    .to(BackboneRoutes.INGRESS)
                    .end();
        }

        for (String protocol : List.of("smtp", "smtps")) {
            MailEndpointBuilder server =
                    protocol.equals("smtps") ? smtps("{{host}}:{{port}}") : smtp("{{host}}:{{port}}");
            routeTemplate(OUTBOUND + protocol)
                    .templateParameter(TENANT)
                    .templateParameter(BINDING)
                    .templateParameter(HOST)
                    .templateParameter(PORT)
                    .templateParameter(USERNAME)
                    .templateParameter(SELECTOR)
                    .from(GatewayQueues.transacted(GatewayQueues.channelQueue(EmailBinding.CHANNEL))
                            .selector("{{selector}}"))
                    .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                    .unmarshal(canonicalJson)
                    .bean(outbound, "prepare")
                    .filter(body().isNotNull())
                    .to(server.username("{{username}}")
                            .advanced()
                            .authenticator("#{{" + AUTHENTICATOR + "}}")
                            .session("#{{" + SESSION + "}}"))
                    .bean(outbound, "sent")
                    .end();
        }
    }
}
