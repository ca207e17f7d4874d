package com.assistantgateway.admin.registry;

import com.assistantgateway.admin.AdminProblem;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

/**
 * Checks the URLs a binding makes the gateway call (webhook callbacks, watcher notifications): http or https only, and
 * unless private targets are allowed, no host that resolves to a loopback, link-local, site-local or unspecified
 * address, so a tenant cannot point the gateway at its own network (SSRF).
 */
public final class OutboundTargets {

    static final Set<String> URL_SETTINGS = Set.of("callbackUrl", "notifyUrl");

    private OutboundTargets() {}

    static void check(Map<String, String> settings, boolean allowPrivate) {
        for (String key : URL_SETTINGS) {
            String value = settings.get(key);
            if (value != null && !value.isBlank()) {
                check(key, value, allowPrivate);
            }
        }
    }

    public static void check(String setting, String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw AdminProblem.invalid(setting + " is not a URL");
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw AdminProblem.invalid(setting + " must be an http or https URL with a host");
        }
        if (allowPrivate) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress()
                        || address.isLinkLocalAddress()
                        || address.isSiteLocalAddress()
                        || address.isAnyLocalAddress()
                        || address.isMulticastAddress()
                        || isUniqueLocal(address)) {
                    throw AdminProblem.invalid(setting + " points to a private address, which the gateway does not call"
                            + " (gateway.admin.allow-private-targets)");
                }
            }
        } catch (UnknownHostException e) {
            throw AdminProblem.invalid(setting + ": host " + uri.getHost() + " does not resolve");
        }
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
