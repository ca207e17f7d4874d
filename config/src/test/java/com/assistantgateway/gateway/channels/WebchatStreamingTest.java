package com.assistantgateway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.adapters.webchat.WebchatBinding;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.gateway.Chromium;
import com.assistantgateway.gateway.GatewayApplication;
import com.assistantgateway.gateway.channels.WebchatVisitor.Event;
import com.assistantgateway.gateway.channels.WebchatVisitor.Response;
import com.assistantgateway.gateway.channels.WebchatVisitor.Stream;
import com.assistantgateway.orchestrator.testing.FakeOpenAi;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an LLM configured (a local server speaking OpenAI's streaming API, a pause before each token), a web chat
 * visitor sees the answer token by token, the stored reply replaces it, and a stop cancels the generation upstream.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebchatStreamingTest {

    static final FakeOpenAi llm = start();
    static final Duration ANSWERED = Duration.ofSeconds(30);
    /** The demo's web chat binding allows the gateway's default local origins. */
    static final String PAGE = "http://localhost:8080";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", () -> {
            try {
                return Files.createTempDirectory("gateway-webchat-llm").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        registry.add("gateway.orchestrator.llm.base-url", llm::baseUrl);
    }

    static final SiteServer shop = new SiteServer();

    @Autowired
    TenantRegistry registry;

    @LocalServerPort
    int port;

    WebchatVisitor visitor;

    @BeforeEach
    void visitor() {
        visitor = new WebchatVisitor(port, PAGE);
        llm.tokenDelayMillis = 20;
    }

    @AfterAll
    static void stopLlm() {
        llm.close();
        shop.close();
    }

    @Test
    void theAnswerArrivesTokenByTokenAndTheStoredReplyReplacesIt() throws Exception {
        llm.answer = "Brake calipers have a two-year warranty from the date of purchase [1].";
        String session =
                visitor.session("demo", Map.of()).body().path("session").asText();
        try (Stream stream = visitor.stream("demo", session, null)) {
            stream.replay(ANSWERED);
            Response sent = visitor.send("demo", session, "How long is the warranty on a brake caliper?", "q-1");
            String question = sent.body().path("messageId").asText();

            StringBuilder streamed = new StringBuilder();
            List<String> order = new ArrayList<>();
            Event event;
            do {
                event = stream.next(ANSWERED);
                order.add(event.name() + ":" + event.data().path("role").asText(""));
                if (event.name().equals("token")) {
                    assertThat(event.data().path("replyTo").asText()).isEqualTo(question);
                    assertThat(event.id())
                            .as("tokens are never replayed, so they carry no id")
                            .isNull();
                    streamed.append(event.data().path("text").asText());
                }
            } while (!(event.name().equals("message")
                    && event.data().path("role").asText().equals("assistant")));

            assertThat(order.stream().filter(name -> name.startsWith("token:")).count())
                    .isGreaterThan(5);
            assertThat(order.get(order.size() - 1)).isEqualTo("message:assistant");
            assertThat(streamed.toString()).isEqualTo(llm.answer);
            assertThat(event.data().path("text").asText()).isEqualTo(llm.answer);
            assertThat(event.data().path("replyTo").asText()).isEqualTo(question);
            assertThat(event.data().path("citations").get(0).path("source").asText())
                    .isNotBlank();
        }
    }

    @Test
    void aStopCancelsTheGenerationUpstreamAndWhatWasWrittenIsStored() throws Exception {
        llm.answer = "We are open on Saturday from nine to four, on weekdays from eight to six, and closed on"
                + " Sundays and public holidays, all year long, at every one of our branches [1].";
        llm.tokenDelayMillis = 60;
        int abandonedBefore = llm.abandonedStreams.get();
        String session =
                visitor.session("demo", Map.of()).body().path("session").asText();
        try (Stream stream = visitor.stream("demo", session, null)) {
            stream.replay(ANSWERED);
            String question = visitor.send("demo", session, "When are you open?", "q-1")
                    .body()
                    .path("messageId")
                    .asText();
            stream.next("token", ANSWERED);

            Response stop = visitor.post("demo/messages/" + question + "/stop", session, Map.of());
            assertThat(stop.status()).isEqualTo(202);

            Event reply = stream.next("message", ANSWERED);
            while (!reply.data().path("role").asText().equals("assistant")) {
                reply = stream.next("message", ANSWERED);
            }
            String text = reply.data().path("text").asText();
            assertThat(text).endsWith(" …");
            assertThat(llm.answer).startsWith(text.substring(0, text.length() - 2));
            assertThat(text.length()).isLessThan(llm.answer.length() / 2);
        }
        await().atMost(ANSWERED)
                .untilAsserted(() -> assertThat(llm.abandonedStreams.get()).isGreaterThan(abandonedBefore));
    }

    @Test
    void onlyTheVisitorsOwnMessagesCanBeStopped() {
        String mine = visitor.session("demo", Map.of()).body().path("session").asText();
        String theirs = visitor.session("demo", Map.of()).body().path("session").asText();
        String question = visitor.send("demo", theirs, "When are you open?", "q-1")
                .body()
                .path("messageId")
                .asText();

        assertThat(visitor.post("demo/messages/" + question + "/stop", mine, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(visitor.post("demo/messages/not-an-id/stop", mine, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void onAShopsPageTheAnswerGrowsTokenByTokenWithItsSourceAndTheStopButtonEndsIt() {
        ChromeDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, ANSWERED);
            // A shop's page on another origin, with the line the console shows for its binding.
            if (registry.find(new TenantId("demo"), new BindingId("wc-shop")).isEmpty()) {
                registry.createBinding(
                        new TenantId("demo"),
                        new NewBinding(
                                new BindingId("wc-shop"),
                                new AssistantId("support"),
                                WebchatBinding.CHANNEL,
                                "wc-shop",
                                Map.of(WebchatBinding.ALLOWED_ORIGINS, shop.url("")),
                                Map.of()),
                        "test");
            }
            shop.document(
                    "/",
                    "<!doctype html><html lang=\"en\"><head><title>Shop</title></head><body><main>"
                            + "<h1>Shop</h1></main><script async src=\"http://localhost:" + port
                            + "/widget/v1/loader.js\""
                            + " data-binding=\"wc-shop\"></script></body></html>");
            browser.get(shop.url("/"));
            wait.until(d -> d.findElement(By.id("agw-launcher"))).click();
            SearchContext chat =
                    wait.until(d -> d.findElement(By.id("agw-chat")).getShadowRoot());
            wait.until(d -> "true".equals(d.findElement(By.id("agw-chat")).getAttribute("data-ready")));

            llm.answer = "Brake calipers have a two-year warranty from the date of purchase [1].";
            llm.tokenDelayMillis = 60;
            chat.findElement(By.cssSelector("textarea"))
                    .sendKeys("How long is the warranty on a brake caliper?", Keys.ENTER);
            // While it is written: one bubble that grows, marked busy.
            WebElement draft = wait.until(d -> chat.findElements(By.cssSelector(".msg.draft")).stream()
                    .filter(bubble -> bubble.getText().contains("calipers"))
                    .findFirst()
                    .orElse(null));
            assertThat(draft.getAttribute("aria-busy")).isEqualTo("true");
            assertThat(draft.getText()).doesNotContain("[1].");
            // Then the stored reply, with its source, in its place.
            wait.until(d -> chat.findElements(By.cssSelector(".msg.draft")).isEmpty());
            WebElement reply = chat.findElement(By.cssSelector(".msg.assistant[data-reply-to]"));
            assertThat(reply.getText()).contains(llm.answer);
            assertThat(reply.findElements(By.cssSelector(".sources li"))).isNotEmpty();

            llm.answer = "We are open on Saturday from nine to four, on weekdays from eight to six, and closed on"
                    + " Sundays and public holidays, all year long, at every one of our branches [1].";
            llm.tokenDelayMillis = 150;
            chat.findElement(By.cssSelector("textarea")).sendKeys("When are you open?", Keys.ENTER);
            // Stopped once "open" is written (its third token): a stop sooner would rightly keep only "We are …".
            wait.until(d -> chat.findElements(By.cssSelector(".msg.draft")).stream()
                    .anyMatch(bubble -> bubble.getText().contains("open")));
            wait.until(d -> chat.findElement(By.cssSelector("button.stop")).isDisplayed());
            chat.findElement(By.cssSelector("button.stop")).click();
            WebElement stopped =
                    wait.until(d -> chat.findElements(By.cssSelector(".msg.assistant[data-reply-to]")).stream()
                            .filter(bubble -> bubble.getText().contains("open"))
                            .findFirst()
                            .orElse(null));
            assertThat(stopped.getText()).contains(" …").doesNotContain("branches");
        } finally {
            browser.quit();
        }
    }

    private static FakeOpenAi start() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
