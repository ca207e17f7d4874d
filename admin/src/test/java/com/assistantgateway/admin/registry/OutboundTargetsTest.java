package com.assistantgateway.admin.registry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.admin.AdminProblem;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundTargetsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://10.1.2.3/hook",
                "https://192.168.0.10/hook",
                "http://172.16.5.4/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook",
                "http://[fd00::1]/hook",
                "http://0.0.0.0/hook"
            })
    void privateAddressesAreRefusedInProduction(String url) {
        assertThatThrownBy(() -> OutboundTargets.check(Map.of("callbackUrl", url), false))
                .isInstanceOf(AdminProblem.class)
                .hasMessageContaining("private address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "not a url", "http:///nohost"})
    void onlyHttpUrlsWithAHostAreAccepted(String url) {
        assertThatThrownBy(() -> OutboundTargets.check(Map.of("notifyUrl", url), true))
                .isInstanceOf(AdminProblem.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://203.0.113.7:8443/callbacks"})
    void publicAddressesAreAccepted(String url) {
        assertThatCode(() -> OutboundTargets.check(Map.of("callbackUrl", url), false))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost:9000/x"})
    void privateTargetsPassWhereAllowed(String url) {
        assertThatCode(() -> OutboundTargets.check(Map.of("callbackUrl", url), true))
                .doesNotThrowAnyException();
    }
}
