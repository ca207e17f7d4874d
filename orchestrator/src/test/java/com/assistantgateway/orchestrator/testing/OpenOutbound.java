package com.assistantgateway.orchestrator.testing;

import com.assistantgateway.routes.backbone.RoutesProperties;
import com.assistantgateway.routes.outbound.OutboundHttp;
import com.assistantgateway.routes.outbound.OutboundTargets;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/** The outbound guard as the embedded demo runs it: local servers (the fake LLM) over plain http are reachable. */
public final class OpenOutbound {

    private OpenOutbound() {}

    public static OutboundTargets targets() {
        return new OutboundTargets(
                new RoutesProperties.Outbound(true, List.of(), true, Duration.ofSeconds(5), Duration.ofSeconds(5), 16),
                InetAddress::getAllByName);
    }

    public static OutboundHttp http() {
        return new OutboundHttp(targets());
    }

    /** Production rules: public https targets only. */
    public static OutboundTargets production() {
        return new OutboundTargets(RoutesProperties.Outbound.publicHttpsOnly(), InetAddress::getAllByName);
    }
}
