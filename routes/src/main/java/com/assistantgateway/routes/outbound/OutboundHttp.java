package com.assistantgateway.routes.outbound;

import com.assistantgateway.routes.backbone.RoutesProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * HTTP to the targets tenants set, for every module: one pooled Apache HttpClient whose every connection (a redirect's
 * too) resolves its host through {@link OutboundTargets}, and whose redirects keep to the allowed schemes. Camel's http
 * component gets its own pool built the same way ({@link #connectionManager}).
 */
@Component
public class OutboundHttp {

    private static final int MAX_REDIRECTS = 5;
    private static final TimeValue STALE_CHECK_AFTER = TimeValue.ofMilliseconds(500);

    private final OutboundTargets targets;
    private final RoutesProperties.Outbound rules;
    private final CloseableHttpClient client;

    public OutboundHttp(OutboundTargets targets) {
        this.targets = targets;
        this.rules = targets.rules();
        this.client = HttpClients.custom()
                .setConnectionManager(connectionManager(rules.maxConnections(), rules.maxConnections()))
                .setRedirectStrategy(new CheckedRedirects(targets))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(rules.responseTimeout()))
                        .setMaxRedirects(MAX_REDIRECTS)
                        .build())
                .disableCookieManagement()
                .build();
    }

    public int maxConnections() {
        return rules.maxConnections();
    }

    /** The shared client; per-request timeouts go in the request's {@link RequestConfig}. */
    public CloseableHttpClient client() {
        return client;
    }

    /** A connection pool whose connections resolve their hosts through the guard. */
    public PoolingHttpClientConnectionManager connectionManager(int maxTotal, int maxPerRoute) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDns(targets))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(rules.connectTimeout()))
                        .setSocketTimeout(Timeout.of(rules.responseTimeout()))
                        // A receiver may close a kept-alive connection while it idles (or restart); checking one
                        // idle this long before reuse costs a poll, where sending on a dead one costs a redelivery.
                        .setValidateAfterInactivity(STALE_CHECK_AFTER)
                        .build())
                .setMaxConnTotal(maxTotal)
                .setMaxConnPerRoute(maxPerRoute)
                .build();
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }

    /** Every connection's host, resolved now and checked: a DNS answer that changed since saving is caught here. */
    private static final class GuardedDns extends SystemDefaultDnsResolver {
        private final OutboundTargets targets;

        GuardedDns(OutboundTargets targets) {
            this.targets = targets;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return targets.resolve(host);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host))
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        }
    }

    /** Redirects are followed only to schemes a tenant could have set itself; their hosts meet {@link GuardedDns}. */
    private static final class CheckedRedirects extends DefaultRedirectStrategy {
        private final OutboundTargets targets;

        CheckedRedirects(OutboundTargets targets) {
            this.targets = targets;
        }

        @Override
        public URI getLocationURI(HttpRequest request, HttpResponse response, HttpContext context)
                throws HttpException {
            URI location = super.getLocationURI(request, response, context);
            try {
                targets.checkLink("redirect", location.toString());
            } catch (OutboundTargets.TargetRefused refused) {
                throw new ProtocolException(refused.getMessage());
            }
            return location;
        }
    }
}
