package com.assistantgateway.adapters.scrape;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelType;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The scrape channel: crawls a tenant's site on a schedule, takes pushed pages, notifies a watcher's recipient. */
@Component
public class ScrapeChannel implements ChannelType {

    @Override
    public ChannelId id() {
        return ScrapeBinding.CHANNEL;
    }

    @Override
    public String inboundAddress(String publicBaseUrl, String inboundKey) {
        return "POST " + publicBaseUrl + "/channels/scrape/" + inboundKey;
    }

    @Override
    public List<OutboundSetting> outboundSettings() {
        return List.of(
                OutboundSetting.urls(ScrapeBinding.URLS),
                OutboundSetting.url(ScrapeBinding.SITEMAP),
                OutboundSetting.url(ScrapeBinding.NOTIFY_URL));
    }

    /** The crawl job must read: a schedule, page cap and delay the crawler understands. */
    @Override
    public List<String> problems(TenantId tenant, String inboundKey, Map<String, String> settings) {
        try {
            ScrapeBinding.Job.of(new ChannelBinding(
                    new BindingId("check"), tenant, new AssistantId("check"), id(), inboundKey, settings, Map.of()));
            return List.of();
        } catch (RuntimeException unreadable) {
            return List.of("the crawl settings cannot be read (schedule is an ISO-8601 duration such as PT6H or"
                    + " 'off'; maxPages and hostDelayMillis are whole numbers): " + unreadable.getMessage());
        }
    }
}
