package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.security.NewUser;
import com.assistantgateway.admin.security.Role;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guessing a password is slowed per address, on the API and the console alike; other users sign in as usual. */
class SignInThrottleTest extends AdminTestSupport {

    private HttpResponse<String> apiLogin(String email, String password) {
        return client.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsAndSaysHowLong() {
        String email = "guessed-" + sequence.incrementAndGet() + "@acme.test";
        users.seed(acme.tenant, new NewUser(email, "Guessed", PASSWORD, Role.USER), "test");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(apiLogin(email, "guess " + attempt).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = apiLogin(email, PASSWORD);
        HttpResponse<String> console = new ConsoleSession(port).signIn(email, PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(AdminClient.read(throttled.body()).get("detail").asText())
                .isEqualTo("Too many failed sign-ins for this address. Try again in a minute.");
        assertThat(console.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?throttled"));
        assertThat(new ConsoleSession(port).get("/console/login?throttled").body())
                .contains("Too many failed sign-ins for this address.");
        assertThat(apiLogin(email("acme", Role.USER), PASSWORD).statusCode()).isEqualTo(200);
    }
}
