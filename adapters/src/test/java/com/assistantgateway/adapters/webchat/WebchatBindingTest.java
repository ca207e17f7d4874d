package com.assistantgateway.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.adapters.webchat.WebchatBinding.Identity;
import com.assistantgateway.adapters.webchat.WebchatBinding.Persistence;
import com.assistantgateway.adapters.webchat.WebchatBinding.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebchatBindingTest {

    @Test
    void defaultsAreAnonymousVisitorsKeptThirtyDaysAndNoOriginAllowed() {
        Settings settings = WebchatBinding.settings(Map.of());

        assertThat(settings.identity()).isEqualTo(Identity.ANONYMOUS);
        assertThat(settings.persistence()).isEqualTo(Persistence.LOCAL);
        assertThat(settings.persistenceDays()).isEqualTo(30);
        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.allows("https://shop.example")).isFalse();
    }

    @Test
    void originsCompareNormalizedAndFailClosed() {
        Settings settings = WebchatBinding.settings(
                Map.of(WebchatBinding.ALLOWED_ORIGINS, "https://Shop.Example:443, http://localhost:8080"));

        assertThat(settings.allows("https://shop.example")).isTrue();
        assertThat(settings.allows("http://localhost:8080")).isTrue();
        assertThat(settings.allows("http://shop.example")).as("another scheme").isFalse();
        assertThat(settings.allows("https://shop.example.evil.test")).isFalse();
        assertThat(settings.allows("null"))
                .as("sandboxed frames send Origin: null")
                .isFalse();
        assertThat(settings.allows(null)).isFalse();
    }

    @Test
    void everyProblemIsNamedForTheAdmin() {
        assertThat(WebchatBinding.problems(Map.of(
                        WebchatBinding.ALLOWED_ORIGINS, "https://shop.example/path",
                        WebchatBinding.IDENTITY, "trusted",
                        WebchatBinding.PERSISTENCE_DAYS, "0",
                        WebchatBinding.COLOR, "blue",
                        WebchatBinding.AVATAR, "javascript:alert(1)")))
                .hasSize(5)
                .anySatisfy(problem -> assertThat(problem).startsWith("avatarUrl must be an https URL"))
                .anySatisfy(problem -> assertThat(problem).startsWith("allowedOrigins: 'https://shop.example/path'"))
                .anySatisfy(problem -> assertThat(problem).isEqualTo("identity must be one of anonymous, verified"))
                .anySatisfy(problem -> assertThat(problem).isEqualTo("persistenceDays must be 1 to 365"))
                .anySatisfy(problem -> assertThat(problem).startsWith("color must be"));
        assertThatThrownBy(() -> WebchatBinding.settings(Map.of(WebchatBinding.PERSISTENCE, "forever")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("persistence must be one of local, tab, none");
    }
}
