package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.backbone.BackboneRoutes;
import com.assistantgateway.routes.backbone.ErrorPolicies;
import com.assistantgateway.routes.backbone.GatewayHeaders;
import com.assistantgateway.routes.backbone.GatewayQueues;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/**
 * The scrape channel: the push endpoint, and the route templates instantiated per binding by {@link
 * ScrapeBindingRoutes} — a scheduled crawl ({@code scrape.inbound.<tenant>.<binding>}) and the sender of its
 * assistant's replies ({@code scrape.outbound...}). A page's new version is remembered only after its message is
 * accepted, so a failed hand-over is retried by the next crawl.
 */
@Component
public class ScrapeRoutes extends EndpointRouteBuilder {

    public static final String PUSH_PATH = "/channels/scrape/{bindingKey}";
    static final String INBOUND = "scrape-inbound";
    static final String OUTBOUND = "scrape-outbound";
    static final String TENANT = "tenant";
    static final String BINDING = "binding";
    static final String TIMER = "timer";
    static final String PERIOD_MILLIS = "periodMillis";
    static final String SELECTOR = "selector";
    private static final String TARGET = "notifyTarget";

    private final Crawler crawler;
    private final PageChanges changes;
    private final ScrapePush push;
    private final ScrapeNotifications notifications;
    private final JacksonDataFormat canonicalJson;

    public ScrapeRoutes(
            Crawler crawler,
            PageChanges changes,
            ScrapePush push,
            ScrapeNotifications notifications,
            JacksonDataFormat canonicalJson) {
        this.crawler = crawler;
        this.changes = changes;
        this.push = push;
        this.notifications = notifications;
        this.canonicalJson = canonicalJson;
    }

    @Override
    public void configure() {
        from(platformHttp(PUSH_PATH).httpMethodRestrict("POST"))
                .routeId("scrape.inbound.push")
                .routeConfigurationId(ErrorPolicies.HTTP_PROBLEMS)
                .bean(push, "normalize")
                .choice()
                .when(body().isNotNull())
                .setVariable(PageChanges.PAGE, body())
                .to(BackboneRoutes.INGRESS)
                .bean(changes, "remember")
                .end()
                .bean(push, "response")
                .marshal()
                .json();

        routeTemplate(INBOUND)
                .templateParameter(TENANT)
                .templateParameter(BINDING)
                .templateParameter(TIMER)
                .templateParameter(PERIOD_MILLIS)
                .from(timer("{{timer}}").period("{{periodMillis}}").delay(1000))
                .routeConfigurationId(ErrorPolicies.SOURCE_RETRY)
                .setHeader(GatewayHeaders.TENANT_ID, constant("{{tenant}}"))
                .setHeader(GatewayHeaders.BINDING_ID, constant("{{binding}}"))
                .split(method(crawler, "crawl"))
                .setVariable(PageChanges.PAGE, body())
                .to(BackboneRoutes.INGRESS)
                .bean(changes, "remember")
                .end();

        routeTemplate(OUTBOUND)
                .templateParameter(SELECTOR)
                .from(GatewayQueues.transacted(GatewayQueues.channelQueue(ScrapeBinding.CHANNEL))
                        .selector("{{selector}}"))
                .routeConfigurationId(ErrorPolicies.BROKER_REDELIVERY)
                .unmarshal(canonicalJson)
                .setVariable(ScrapeNotifications.REPLY, body())
                .setVariable(TARGET, method(notifications, "route"))
                .choice()
                .when(variable(TARGET).isEqualTo(ScrapeNotifications.Target.WEBHOOK))
                .bean(notifications, "webhook")
                // The URI is the binding's notify URL, set as CamelHttpUri.
                .to(http("notify.invalid"))
                .bean(notifications, "sent")
                .when(variable(TARGET).isEqualTo(ScrapeNotifications.Target.EMAIL))
                .bean(notifications, "email")
                // To the egress dispatch, which hands it to the notify binding's own channel queue.
                .to(ExchangePattern.InOnly, jms("queue:" + GatewayQueues.EGRESS))
                .bean(notifications, "sent")
                .otherwise()
                .bean(notifications, "recorded")
                .end();
    }
}
