package com.assistantgateway.routes.outbound;

import com.assistantgateway.routes.backbone.RoutesProperties;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one check for every address a tenant's settings make the gateway connect to: a webhook's callback URL, a
 * scraper's start URLs, sitemap and notification URL, an assistant's LLM endpoint, a mailbox's IMAP and SMTP hosts, a
 * knowledge URL. It runs when a setting is saved ({@link #checkUrl}, {@link #checkHost}) and again on every connection
 * the gateway opens for a tenant ({@link #resolve}, through {@link OutboundHttp} and {@link GuardedSocketFactory}), so
 * neither a later DNS change nor a redirect nor an address stored before the rules changed reaches a private network.
 */
@Component
public class OutboundTargets {

    private final RoutesProperties.Outbound rules;
    private final List<NonPublicAddresses.Block> allowedNetworks;
    private final HostResolver resolver;

    /** The system's DNS, unless a {@link HostResolver} bean replaces it (tests playing a DNS server). */
    @Autowired
    public OutboundTargets(RoutesProperties properties, ObjectProvider<HostResolver> resolver) {
        this(properties.outbound(), resolver.getIfAvailable(() -> InetAddress::getAllByName));
    }

    public OutboundTargets(RoutesProperties.Outbound rules, HostResolver resolver) {
        this.rules = rules;
        this.allowedNetworks = rules.allowedNetworks().stream()
                .map(NonPublicAddresses.Block::parse)
                .toList();
        this.resolver = resolver;
    }

    /** Resolves host names; tests replace it to play a DNS server that changes its answer. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public RoutesProperties.Outbound rules() {
        return rules;
    }

    /**
     * A URL a tenant set for the gateway to call: {@code https} (or {@code http} where plain HTTP is allowed), with a
     * host that resolves to public addresses only (unless private targets are allowed).
     *
     * @throws TargetRefused naming the setting and why
     */
    public URI checkUrl(String setting, String url) {
        URI uri = checkLink(setting, url);
        checkAddresses(setting, uri.getHost());
        return uri;
    }

    /**
     * A URL the gateway only shows as a link (an assistant's front end): its scheme must be one a browser opens as a
     * page, never {@code javascript:} or {@code data:}. Nothing is resolved.
     */
    public URI checkLink(String setting, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (Exception e) {
            throw new TargetRefused(setting + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || (scheme.equals("http") && rules.allowPlainHttp());
        if (!allowed) {
            throw new TargetRefused(setting + " must be an https URL"
                    + (rules.allowPlainHttp()
                            ? " or an http one"
                            : " (plain http: gateway.routes.outbound.allow-plain-http)"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new TargetRefused(setting + " must name a host");
        }
        return uri;
    }

    /** A host and port a tenant set (a mail server): it must resolve to public addresses only. */
    public void checkHost(String setting, String host, int port) {
        if (host == null || host.isBlank() || host.contains("/") || host.contains("@")) {
            throw new TargetRefused(setting + " must be a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new TargetRefused(setting + ": port " + port + " is not a TCP port");
        }
        checkAddresses(setting, host.strip());
    }

    /**
     * Connect time: the addresses the gateway may open a connection to for this host, as resolved right now.
     *
     * @throws TargetRefusedException when the host resolves to an address tenant settings may not reach
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(unbracketed(host));
        for (InetAddress address : addresses) {
            check(host, address);
        }
        return addresses;
    }

    /** Connect time, for a socket about to connect to an address resolved elsewhere. */
    public void check(String host, InetAddress address) throws TargetRefusedException {
        if (!rules.allowPrivateTargets()
                && NonPublicAddresses.contains(address)
                && allowedNetworks.stream().noneMatch(block -> block.contains(address))) {
            throw new TargetRefusedException(host + " resolves to " + address.getHostAddress()
                    + ", a non-public address that tenant settings may not reach"
                    + " (gateway.routes.outbound.allow-private-targets)");
        }
    }

    private void checkAddresses(String setting, String host) {
        try {
            resolve(host);
        } catch (TargetRefusedException e) {
            throw new TargetRefused(setting + ": " + e.getMessage());
        } catch (UnknownHostException e) {
            throw new TargetRefused(setting + ": host " + unbracketed(host) + " does not resolve");
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A setting refused when it is saved; its message names the setting and is meant for the tenant admin. */
    public static final class TargetRefused extends IllegalArgumentException {
        public TargetRefused(String message) {
            super(message);
        }
    }

    /** A connection refused because of where it would go; an I/O failure to the client that tried it. */
    public static final class TargetRefusedException extends UnknownHostException {
        public TargetRefusedException(String message) {
            super(message);
        }
    }
}
