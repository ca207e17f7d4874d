package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.backbone.BindingRouteSet;
import com.assistantgateway.routes.backbone.BindingRoutes;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelBinding;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.springframework.stereotype.Component;

/** Starts a binding's scheduled crawl (unless its schedule is {@code off}) and the sender of its replies. */
@Component
public class ScrapeBindingRoutes implements BindingRouteSet {

    @Override
    public ChannelId channel() {
        return ScrapeBinding.CHANNEL;
    }

    /** One instance of a cluster polls this binding: see {@code PollingOwnership}. */
    @Override
    public boolean polls() {
        return true;
    }

    @Override
    public void addRoutes(CamelContext context, ChannelBinding binding, List<String> started) {
        ScrapeBinding.Job job = ScrapeBinding.Job.of(binding);
        if (job.schedule() != null && (!job.urls().isEmpty() || job.sitemap() != null)) {
            started.add(TemplatedRouteBuilder.builder(context, ScrapeRoutes.INBOUND)
                    .routeId(BindingRoutes.routeId(ScrapeBinding.CHANNEL, "inbound", binding))
                    .parameter(ScrapeRoutes.TENANT, binding.tenantId().value())
                    .parameter(ScrapeRoutes.BINDING, binding.id())
                    .parameter(
                            ScrapeRoutes.TIMER, "scrape-" + binding.tenantId().value() + "-" + binding.id())
                    .parameter(
                            ScrapeRoutes.PERIOD_MILLIS,
                            Long.toString(job.schedule().toMillis()))
                    .add());
        }
        started.add(TemplatedRouteBuilder.builder(context, ScrapeRoutes.OUTBOUND)
                .routeId(BindingRoutes.routeId(ScrapeBinding.CHANNEL, "outbound", binding))
                .parameter(ScrapeRoutes.SELECTOR, BindingRoutes.selector(binding))
                .add());
    }
}
