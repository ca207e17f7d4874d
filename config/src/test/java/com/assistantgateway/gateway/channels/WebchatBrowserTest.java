package com.assistantgateway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.adapters.webchat.WebchatBinding;
import com.assistantgateway.admin.inbox.Conversations;
import com.assistantgateway.admin.registry.NewBinding;
import com.assistantgateway.admin.registry.TenantRegistry;
import com.assistantgateway.gateway.Chromium;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web chat as a visitor meets it, in real Chromium: a shop's page on another origin embeds the widget with its one
 * line, the visitor asks the demo assistant and reads the answer with its source; the conversation survives a reload
 * (or not, per the binding); a page on an unlisted origin gets no chat; the assistant's hosted page works on its own.
 * axe-core checks the widget and the hosted page.
 */
class WebchatBrowserTest extends ChannelsTestSupport {

    static final TenantId DEMO = new TenantId("demo");
    static final Duration ANSWERED = Duration.ofSeconds(30);
    static final SiteServer shop = new SiteServer();
    static final SiteServer stranger = new SiteServer();

    @Autowired
    TenantRegistry registry;

    @Autowired
    Conversations conversations;

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void setUp() {
        String shopOrigin = shop.url("");
        bind("wc-shop", Map.of(WebchatBinding.ALLOWED_ORIGINS, shopOrigin, WebchatBinding.TITLE, "Demo Car Parts"));
        bind("wc-forgetful", Map.of(WebchatBinding.ALLOWED_ORIGINS, shopOrigin, WebchatBinding.PERSISTENCE, "none"));
        shop.document("/", shopPage("wc-shop"));
        shop.document("/forgetful", shopPage("wc-forgetful"));
        stranger.document("/", shopPage("wc-shop"));
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterAll
    static void stopSites() {
        shop.close();
        stranger.close();
    }

    private void bind(String id, Map<String, String> settings) {
        if (registry.find(DEMO, new BindingId(id)).isEmpty()) {
            registry.createBinding(
                    DEMO,
                    new NewBinding(
                            new BindingId(id),
                            new AssistantId("support"),
                            WebchatBinding.CHANNEL,
                            id,
                            settings,
                            Map.of()),
                    "test");
        }
    }

    /** A shop's page with the line the console shows for the binding. */
    private String shopPage(String binding) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo Car Parts</title></head>"
                + "<body><main><h1>Brake parts</h1><p>Calipers, discs and pads for every car.</p></main>"
                + "<script async src=\"http://localhost:" + port + "/widget/v1/loader.js\" data-binding=\""
                + binding + "\"></script></body></html>";
    }

    @Test
    void aVisitorOnTheShopsPageAsksAndReadsTheCitedAnswerAndFindsItAgainAfterAReload() {
        browser.get(shop.url("/"));
        SearchContext chat = openChat();
        assertThat(greeting(chat)).isEqualTo("Hi! Ask me anything.");

        long typingAfterMillis = ask(chat, "How long is the warranty on a brake caliper?");
        assertThat(typingAfterMillis).as("typing shown after sending, ms").isLessThan(300);
        WebElement answer = answer(chat, 1);
        assertThat(answer.getText()).contains("2 years");
        assertThat(answer.findElement(By.cssSelector(".sources")).getText()).contains("Warranty > Warranty periods");
        assertThat(violations()).isEmpty();

        browser.navigate().refresh();
        SearchContext again = openChat();
        new WebDriverWait(browser, ANSWERED)
                .until(driver ->
                        again.findElements(By.cssSelector(".msg.assistant")).size() == 2);
        assertThat(again.findElement(By.cssSelector(".msg.visitor")).getText())
                .isEqualTo("How long is the warranty on a brake caliper?");
        assertThat(again.findElements(By.cssSelector(".msg.assistant")).get(1).getText())
                .contains("2 years");
    }

    @Test
    void anOutageLongerThanTheHeartbeatLosesAndRepeatsNothingAndAnAgentsReplyReachesTheWidget() {
        try (TcpProxy network = new TcpProxy(port)) {
            // The shop's page reaches the gateway through a network the test can cut.
            shop.document("/through-proxy", shopPage("wc-shop").replace(":" + port + "/", ":" + network.port() + "/"));
            browser.executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument",
                    Map.of(
                            "source",
                            """
                    window.__streams = 0;
                    const fetched = window.fetch;
                    window.fetch = function (url, options) {
                      if (String(url).endsWith('/events')) { window.__streams++; }
                      return fetched.apply(this, arguments);
                    };
                    """));
            browser.get(shop.url("/through-proxy"));
            SearchContext chat = openChat();
            new WebDriverWait(browser, ANSWERED)
                    .until(driver -> "true".equals(chatHost().getAttribute("data-ready")));
            ask(chat, "Can I talk to a person about my order?");
            answer(chat, 1);
            ConversationId conversation = conversationOfTheWidget();

            // The connection drops; while the visitor is away a person takes the conversation over and answers.
            network.cut();
            long cutAt = System.nanoTime();
            conversations.takeOver(DEMO, conversation, "sam@demo.local");
            conversations.reply(DEMO, conversation, "Hi, this is Sam. Which order is it?", "sam@demo.local");
            // The outage lasts twice the server's heartbeat (5 s here, 15 s by default), as a phone in a pocket
            // does: the heartbeat finds the dead stream while the widget keeps trying to reconnect.
            new WebDriverWait(browser, Duration.ofSeconds(40), Duration.ofSeconds(1))
                    .until(driver ->
                            System.nanoTime() - cutAt >= Duration.ofSeconds(10).toNanos()
                                    && ((Number) browser.executeScript("return window.__streams")).intValue() >= 2);
            assertThat(chat.findElements(By.cssSelector(".msg.agent")))
                    .as("not while cut off")
                    .isEmpty();

            network.restore();
            WebElement reply = new WebDriverWait(browser, ANSWERED)
                    .until(driver -> chat.findElements(By.cssSelector(".msg.agent")).stream()
                            .findFirst()
                            .orElse(null));
            assertThat(reply.getText()).contains("Agent", "Hi, this is Sam. Which order is it?");
            // Nothing twice: one question, one answer, one agent reply after the greeting.
            assertThat(chat.findElements(By.cssSelector(".msg.visitor"))).hasSize(1);
            assertThat(chat.findElements(By.cssSelector(".msg.assistant:not(.greeting)")))
                    .hasSize(1);
            assertThat(chat.findElements(By.cssSelector(".msg.agent"))).hasSize(1);
        }
    }

    @Test
    void aQuestionTheStreamShowsBeforeItsSendHasAnsweredIsShownOnce() {
        // The page's network holds the answer to the visitor's send until the test lets it go, so the stream, which
        // brings the question back with its reply, is first.
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        """
                window.__release = null;
                const fetched = window.fetch;
                window.fetch = function (url, options) {
                  const sent = fetched.apply(this, arguments);
                  if (!String(url).endsWith('/messages')) { return sent; }
                  return sent.then(r => new Promise(resolve => {
                    window.__release = () => {
                      const json = r.json.bind(r);
                      // Flagged once the widget has done what it does with the answer.
                      r.json = () => json().then(body => { setTimeout(() => { window.__handled = true; }); return body; });
                      resolve(r);
                    };
                  }));
                };
                """));
        browser.get(shop.url("/"));
        SearchContext chat = openChat();
        ask(chat, "How long is the warranty on a brake caliper?");
        assertThat(answer(chat, 1).getText()).contains("2 years");
        assertThat(chat.findElements(By.cssSelector(".msg.visitor"))).hasSize(1);

        browser.executeScript("window.__release()");
        new WebDriverWait(browser, ANSWERED)
                .until(driver -> Boolean.TRUE.equals(browser.executeScript("return window.__handled === true")));
        List<WebElement> questions = chat.findElements(By.cssSelector(".msg.visitor"));
        assertThat(questions).hasSize(1);
        assertThat(questions.get(0).getDomAttribute("data-id")).isNotBlank();
        assertThat(questions.get(0).getDomAttribute("data-pending")).isNull();
        assertThat(chat.findElement(By.cssSelector(".stop")).isDisplayed())
                .as("nothing to stop: the answer is there")
                .isFalse();
    }

    /** The conversation the widget keeps, from its resume token (the token's claims are plain base64url JSON). */
    private ConversationId conversationOfTheWidget() {
        String claims = (String)
                browser.executeScript(
                        """
                const token = JSON.parse(localStorage.getItem('agw:wc-shop')).resume;
                return atob(token.split('.')[0].replace(/-/g, '+').replace(/_/g, '/'));
                """);
        return new ConversationId(claims.replaceAll(".*\"c\":\"([^\"]+)\".*", "$1"));
    }

    @Test
    void aBindingThatKeepsNothingStartsOverAfterAReload() {
        browser.get(shop.url("/forgetful"));
        SearchContext chat = openChat();
        ask(chat, "What are your opening hours?");
        answer(chat, 1);

        browser.navigate().refresh();
        SearchContext again = openChat();
        new WebDriverWait(browser, ANSWERED)
                .until(driver -> "true".equals(chatHost().getAttribute("data-ready")));
        assertThat(again.findElements(By.cssSelector(".msg"))).hasSize(1); // the greeting alone
        assertThat(browser.executeScript("return document.cookie")).isEqualTo("");
    }

    @Test
    void aPageOnAnOriginTheBindingDoesNotListGetsNoChat() {
        browser.get(stranger.url("/"));
        SearchContext chat = openChat();
        WebElement refusal =
                new WebDriverWait(browser, ANSWERED).until(driver -> chat.findElement(By.cssSelector(".error")));
        assertThat(refusal.getText()).isEqualTo("This chat is not available on this site.");
        assertThat(chat.findElements(By.cssSelector(".msg"))).isEmpty();
    }

    @Test
    void theAssistantsHostedPageAnswersOnItsOwnAndPassesAxe() {
        browser.get("http://localhost:" + port + "/chat/demo/support");
        SearchContext chat =
                new WebDriverWait(browser, ANSWERED).until(driver -> chatHost().getShadowRoot());
        new WebDriverWait(browser, ANSWERED)
                .until(driver -> "true".equals(chatHost().getAttribute("data-ready")));
        ask(chat, "Do you ship to Belgium?");
        assertThat(answer(chat, 1).getText()).isNotBlank();
        assertThat(violations()).isEmpty();
    }

    @Test
    void theAccessibilityCheckFindsWhatItIsThereToFind() {
        stranger.document(
                "/broken",
                "<!doctype html><html><head><title>x</title></head><body><main>"
                        + "<img src=\"data:,\"><button></button></main></body></html>");
        browser.get(stranger.url("/broken"));
        assertThat(violations())
                .map(String::valueOf)
                .anyMatch(v -> v.startsWith("image-alt"))
                .anyMatch(v -> v.startsWith("button-name"))
                .anyMatch(v -> v.startsWith("html-has-lang"));
    }

    private SearchContext openChat() {
        WebElement launcher =
                new WebDriverWait(browser, ANSWERED).until(driver -> driver.findElement(By.id("agw-launcher")));
        launcher.click();
        SearchContext chat =
                new WebDriverWait(browser, ANSWERED).until(driver -> chatHost().getShadowRoot());
        new WebDriverWait(browser, ANSWERED).until(driver -> !chat.findElements(By.cssSelector(".msg, .error"))
                .isEmpty());
        return chat;
    }

    private WebElement chatHost() {
        return browser.findElement(By.id("agw-chat"));
    }

    private static String greeting(SearchContext chat) {
        return chat.findElement(By.cssSelector(".msg.greeting")).getText().replaceFirst("^Assistant\\s*", "");
    }

    /** Types and sends a question; answers how long after sending the typing indicator showed. */
    private long ask(SearchContext chat, String question) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        """
                const root = document.getElementById('agw-chat').shadowRoot;
                const typing = root.querySelector('.typing');
                window.__typing = null;
                root.querySelector('form').addEventListener('submit', () => { window.__sent = performance.now(); },
                    { capture: true, once: true });
                new MutationObserver((changes, observer) => {
                  if (typing.textContent) { window.__typing = performance.now(); observer.disconnect(); }
                }).observe(typing, { childList: true, characterData: true, subtree: true });
                """);
        chat.findElement(By.cssSelector("textarea")).sendKeys(question, Keys.ENTER);
        Number millis = new WebDriverWait(browser, ANSWERED).until(driver -> (Number) ((JavascriptExecutor) driver)
                .executeScript("return window.__typing === null ? null : window.__typing - window.__sent"));
        return millis.longValue();
    }

    /** The n-th answer after the greeting, once it is there. */
    private WebElement answer(SearchContext chat, int n) {
        return new WebDriverWait(browser, ANSWERED).until(driver -> {
            List<WebElement> answers = chat.findElements(By.cssSelector(".msg.assistant:not(.greeting), .msg.agent"));
            return answers.size() >= n ? answers.get(n - 1) : null;
        });
    }

    /** axe-core's violations on the page as it is now, widget included (it reads open shadow roots). */
    @SuppressWarnings("unchecked")
    private List<Object> violations() {
        browser.executeScript(axeSource());
        Map<String, Object> results = (Map<String, Object>)
                browser.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " axe.run(document).then(r => done({violations: r.violations.map(v => v.id + ': '"
                                + " + v.nodes.map(n => n.target.join(' ')).join(', '))}), e => done({violations: ['axe failed: ' + e]}));");
        return (List<Object>) results.get("violations");
    }

    private static String axeSource() {
        try (InputStream axe = WebchatBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
