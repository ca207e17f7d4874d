package com.assistantgateway.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.routes.backbone.RoutesProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundTargetsTest {

    private final OutboundTargets production =
            new OutboundTargets(RoutesProperties.Outbound.publicHttpsOnly(), InetAddress::getAllByName);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1:8080/hook",
                "https://127.9.9.9/hook",
                "https://10.1.2.3/hook",
                "https://192.168.0.10/hook",
                "https://172.16.5.4/hook",
                "https://100.64.0.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://0.0.0.0/hook",
                "https://[::1]/hook",
                "https://[::]/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://[64:ff9b::a00:1]/hook",
                "https://[2002:7f00:1::]/hook",
                "https://224.0.0.1/hook",
                "https://localhost/hook"
            })
    void nonPublicAddressesAreRefusedInProduction(String url) {
        assertThatThrownBy(() -> production.checkUrl("callbackUrl", url))
                .isInstanceOf(OutboundTargets.TargetRefused.class)
                .hasMessageStartingWith("callbackUrl: ")
                .hasMessageContaining("non-public address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://8.8.8.8:8443/callbacks", "https://[2606:4700::1]/x"})
    void publicAddressesAreAccepted(String url) {
        assertThatCode(() -> production.checkUrl("callbackUrl", url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.216.34/hook",
                "ftp://example.com/x",
                "file:///etc/passwd",
                "javascript:alert(document.cookie)",
                "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "not a url",
                "https:///nohost"
            })
    void onlyHttpsUrlsWithAHostAreAcceptedInProduction(String url) {
        assertThatThrownBy(() -> production.checkLink("frontendUrl", url))
                .isInstanceOf(OutboundTargets.TargetRefused.class)
                .hasMessageStartingWith("frontendUrl ");
    }

    @Test
    void plainHttpAndPrivateTargetsPassWhereTheEmbeddedDemoAllowsThem() {
        OutboundTargets demo = new OutboundTargets(
                new RoutesProperties.Outbound(true, List.of(), true, Duration.ofSeconds(1), Duration.ofSeconds(1), 4),
                InetAddress::getAllByName);

        assertThatCode(() -> demo.checkUrl("callbackUrl", "http://localhost:9000/x"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> demo.checkLink("frontendUrl", "javascript:alert(1)"))
                .isInstanceOf(OutboundTargets.TargetRefused.class);
    }

    @Test
    void anAllowedNetworkIsReachableWhileTheRestOfThePrivateRangesStayRefused() {
        OutboundTargets company = new OutboundTargets(
                new RoutesProperties.Outbound(
                        false, List.of("10.1.2.0/24"), false, Duration.ofSeconds(1), Duration.ofSeconds(1), 4),
                InetAddress::getAllByName);

        assertThatCode(() -> company.checkUrl("llm.baseUrl", "https://10.1.2.40/v1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> company.checkUrl("llm.baseUrl", "https://10.1.3.40/v1"))
                .isInstanceOf(OutboundTargets.TargetRefused.class);
    }

    @Test
    void aHostWhoseDnsAnswerChangesAfterSavingIsRefusedWhenTheGatewayConnects() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("93.184.216.34");
        OutboundTargets targets = new OutboundTargets(RoutesProperties.Outbound.publicHttpsOnly(), host ->
                new InetAddress[] {InetAddress.getByName(answer.get())});
        targets.checkUrl("callbackUrl", "https://hooks.customer.example/x");

        answer.set("127.0.0.1");

        assertThatThrownBy(() -> targets.resolve("hooks.customer.example"))
                .isInstanceOf(OutboundTargets.TargetRefusedException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void aHostThatResolvesToBothPublicAndPrivateAddressesIsRefused() {
        OutboundTargets targets = new OutboundTargets(RoutesProperties.Outbound.publicHttpsOnly(), host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")});

        assertThatThrownBy(() -> targets.checkUrl("urls", "https://split.example/"))
                .hasMessageContaining("10.0.0.5");
    }

    @Test
    void hostsOfMailServersAreCheckedLikeUrls() {
        assertThatThrownBy(() -> production.checkHost("imapHost", "127.0.0.1", 993))
                .isInstanceOf(OutboundTargets.TargetRefused.class)
                .hasMessageStartingWith("imapHost: ");
        assertThatThrownBy(() -> production.checkHost("smtpHost", "mail.example.com/x", 25))
                .isInstanceOf(OutboundTargets.TargetRefused.class);
        assertThatThrownBy(() -> production.checkHost("smtpHost", "8.8.8.8", 70000))
                .isInstanceOf(OutboundTargets.TargetRefused.class);
        assertThatCode(() -> production.checkHost("smtpHost", "8.8.8.8", 465)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownHostIsRefusedWithItsName() {
        OutboundTargets targets = new OutboundTargets(RoutesProperties.Outbound.publicHttpsOnly(), host -> {
            throw new UnknownHostException(host);
        });

        assertThatThrownBy(() -> targets.checkUrl("sitemap", "https://nowhere.invalid/sitemap.xml"))
                .hasMessage("sitemap: host nowhere.invalid does not resolve");
    }

    @Test
    void addressBlocksAreParsedStrictly() {
        assertThat(NonPublicAddresses.Block.parse("10.1.2.0/24").bits()).isEqualTo(24);
        assertThatThrownBy(() -> NonPublicAddresses.Block.parse("intranet.example/24"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NonPublicAddresses.Block.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
