package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.handover.HandoverQueue;
import com.assistantgateway.admin.security.Role;
import com.assistantgateway.gateway.Chromium;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.port.HandoverReason;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's main flows in a real browser (Debian's headless Chromium through its chromedriver), driven by the
 * keyboard where a user would type. Screenshots of every page land in {@code target/console-screenshots}. See
 * {@link Chromium} for where it runs.
 */
class ConsoleBrowserTest extends AdminTestSupport {

    @Autowired
    HandoverQueue handovers;

    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tenantAdminBuildsAnAssistantBindsAChannelUploadsKnowledgeAndAnswersACustomerInPerson() {
        signIn(email("acme", Role.TENANT_ADMIN));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Overview");
        assertThat(browser.findElement(By.cssSelector(".figures")).getText()).contains("messages received");
        screenshot("01-overview");

        open("Assistants");
        new Select(browser.findElement(By.id("template"))).selectByValue("healthcare");
        navigating(() -> browser.findElement(By.id("id")).sendKeys("care", Keys.ENTER));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Patient desk assistant");
        assertThat(browser.findElement(By.id("prompt")).getText()).contains("Never give a diagnosis");
        WebElement threshold = browser.findElement(By.id("confidenceThreshold"));
        threshold.clear();
        threshold.sendKeys("0.6");
        navigating(() -> browser.findElement(By.id("frontendUrl")).sendKeys("https://acme.test/help", Keys.ENTER));
        assertThat(notice()).isEqualTo("Saved.");
        assertThat(browser.findElement(By.id("confidenceThreshold")).getAttribute("value"))
                .isEqualTo("0.6");
        screenshot("02-assistant");

        open("Channels");
        browser.findElement(By.id("bid")).sendKeys("care-web");
        new Select(browser.findElement(By.id("assistantId"))).selectByValue("care");
        new Select(browser.findElement(By.id("channel"))).selectByVisibleText("webhook");
        browser.findElement(By.id("inboundKey")).sendKeys("acme-care");
        browser.findElement(By.id("credentials")).sendKeys("tokenSha256=" + "2".repeat(64));
        navigating(() -> browser.findElement(By.id("credentials")).submit());
        assertThat(notice()).isEqualTo("Binding care-web created.");
        String channels = browser.findElement(By.tagName("table")).getText();
        assertThat(channels).contains("care-web", "/channels/webhook/acme-care", "tokenSha256: ********");
        assertThat(channels).doesNotContain("2".repeat(64));
        screenshot("03-channels");

        open("Knowledge");
        new Select(browser.findElement(By.id("assistant"))).selectByValue("care");
        navigating(() -> browser.findElement(By.id("assistant")).submit());
        Path page = writeKnowledge("visiting-hours.md", "# Visiting hours\n\nVisitors are welcome 10:00-20:00.\n");
        browser.findElement(By.id("file")).sendKeys(page.toAbsolutePath().toString());
        navigating(() -> browser.findElement(By.id("file")).submit());
        assertThat(notice()).isEqualTo("visiting-hours.md: queued");
        // Ingestion runs off the knowledge queue; the table updates itself until the source is ready.
        untilShown("sources", "ready");
        Path newer = writeKnowledge("visiting-hours.md", "# Visiting hours\n\nVisitors are welcome 09:00-21:00.\n");
        browser.findElement(By.id("file")).sendKeys(newer.toAbsolutePath().toString());
        navigating(() -> browser.findElement(By.id("file")).submit());
        untilShown("sources", "ready");
        assertThat(browser.findElement(By.id("sources")).getText()).contains("visiting-hours.md ready 1 2");
        screenshot("04-knowledge");
        navigating(() -> browser.findElement(By.linkText("visiting-hours.md")).click());
        navigating(() -> browser.findElement(By.xpath("//button[text()='Restore version 1']"))
                .click());
        assertThat(notice()).startsWith("Version 1 is being restored");
        untilShown("source-status", "version 1 answers");
        assertThat(browser.findElement(By.id("versions")).getText()).contains("1", "answering");
        screenshot("05-knowledge-versions");

        open("Inbox");
        navigating(() -> browser.findElement(By.linkText("customer@acme.test")).click());
        assertThat(browser.findElement(By.cssSelector(".thread")).getText()).contains("Where is my order?");
        navigating(() ->
                browser.findElement(By.xpath("//button[text()='Take over']")).click());
        assertThat(notice()).startsWith("You have taken this conversation over");
        browser.findElement(By.id("text")).sendKeys("Hello, this is a person: it left our warehouse today.");
        navigating(() -> browser.findElement(By.id("text")).submit());
        assertThat(notice()).isEqualTo("Reply sent.");
        assertThat(browser.findElement(By.cssSelector(".thread")).getText())
                .contains("it left our warehouse today", email("acme", Role.TENANT_ADMIN));
        screenshot("06-conversation");
        navigating(() -> browser.findElement(By.xpath("//button[text()='Hand back to the assistant']"))
                .click());
        assertThat(notice()).isEqualTo("Handed back to the assistant.");

        open("Audit log");
        assertThat(browser.findElement(By.tagName("table")).getText())
                .contains("conversation.replied", "conversation.taken-over", "knowledge.uploaded", "binding.created");
        screenshot("07-audit");
    }

    @Test
    void aTenantAdminCreatesAWebChatBindingPreviewsItAndItsLineWorksOnTheShopsOwnPage() throws Exception {
        HttpServer shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicReference<String> page = new AtomicReference<>("");
        shop.createContext("/", exchange -> {
            byte[] body = page.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        shop.start();
        try {
            String shopOrigin = "http://127.0.0.1:" + shop.getAddress().getPort();
            signIn("admin@demo.local", "demo-password");
            open("Channels");
            browser.findElement(By.id("bid")).sendKeys("shop-chat");
            new Select(browser.findElement(By.id("assistantId"))).selectByValue("support");
            new Select(browser.findElement(By.id("channel"))).selectByVisibleText("webchat");
            browser.findElement(By.id("inboundKey")).sendKeys("demo-shop-chat");
            browser.findElement(By.id("settings"))
                    .sendKeys("allowedOrigins=" + shopOrigin + "\ngreeting=Hello from the parts desk!");
            navigating(() -> browser.findElement(By.id("settings")).submit());
            assertThat(notice()).isEqualTo("Binding shop-chat created.");
            assertThat(browser.findElement(By.tagName("table")).getText()).contains("sessionKey: ********");

            navigating(() -> browser.findElement(By.cssSelector("a[aria-label='Preview and embed shop-chat']"))
                    .click());
            String line = browser.findElement(By.id("embed")).getText();
            assertThat(line)
                    .matches("<script async src=\"http://localhost:\\d+/widget/v1/loader\\.js\""
                            + " data-binding=\"demo-shop-chat\"></script>");
            // The preview is the live widget, under the console's own Content-Security-Policy.
            assertThat(askTheWidget("How long is the warranty on a brake caliper?"))
                    .contains("2 years");
            screenshot("10-webchat-preview");
            // The assistant's front end, with no URL of the tenant's own, is its hosted chat page.
            browser.get(baseUrl() + "/console/t/demo/assistants/support");
            assertThat(browser.findElement(By.id("hosted-page")).getText()).isEqualTo("/chat/demo/support");

            // The line as pasted into the shop's page (the console's URL is the configured public one; here the
            // gateway listens on a test port).
            page.set("<!doctype html><html lang=\"en\"><head><title>Shop</title></head><body><main><h1>Shop</h1>"
                    + "</main>" + line.replaceFirst("http://localhost:\\d+", baseUrl()) + "</body></html>");
            browser.get(shopOrigin + "/");
            assertThat(askTheWidget("What are your opening hours?")).isNotBlank();
            screenshot("11-webchat-on-the-shop");
        } finally {
            shop.stop(0);
        }
    }

    /** Opens the web chat widget on the current page, asks, and answers the assistant's reply. */
    private String askTheWidget(String question) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("agw-launcher"))).click();
        SearchContext chat = wait.until(d -> d.findElement(By.id("agw-chat")).getShadowRoot());
        wait.until(d -> "true".equals(d.findElement(By.id("agw-chat")).getAttribute("data-ready")));
        chat.findElement(By.cssSelector("textarea")).sendKeys(question, Keys.ENTER);
        return wait.until(d -> chat.findElements(By.cssSelector(".msg.assistant:not(.greeting)")).stream()
                        .findFirst()
                        .orElse(null))
                .getText();
    }

    @Test
    void skipLinkIsTheFirstStopAndAnAgentManagerSeesNoAdminSections() {
        signIn(email("acme", Role.AGENT_MANAGER));

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        String sections = browser.findElement(By.cssSelector("nav.sections")).getText();
        assertThat(sections).contains("Assistants", "Knowledge", "Inbox").doesNotContain("Audit log");
        browser.get(baseUrl() + "/console/t/acme/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        browser.get(baseUrl() + "/console/t/globex/assistants");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        screenshot("08-not-found");
    }

    @Test
    void aPlatformAdminSeesHawtioRenderUnderTheConsolesContentSecurityPolicy() {
        signIn(PLATFORM_ADMIN);

        browser.get(baseUrl() + "/actuator/hawtio/camel/routes");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver ->
                        driver.findElement(By.tagName("body")).getText().contains("Camel"));
        screenshot("09-hawtio");

        List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
        assertThat(blocked).as("nothing Hawtio needs is blocked").isEmpty();
    }

    @Test
    void aTenantAdminWritesAPolicyTriesItOnASampleAndAnswersAHandedOverConversationFromTheQueue() {
        ConversationId waiting = new ConversationId("handover-" + sequence.incrementAndGet());
        ledger.accept(message(acme.tenant, waiting.value(), "waiting@acme.test", "Can I speak to a person?"));
        handovers.open(acme.tenant, waiting, HandoverReason.CUSTOMER_ASKED, "assistant:support");
        signIn(email("acme", Role.TENANT_ADMIN));

        open("Assistants");
        navigating(() -> browser.findElement(By.linkText("Support")).click());
        navigating(() -> browser.findElement(By.id("policy-link")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Answer policy of support");
        browser.findElement(By.id("refused")).sendKeys("competitor prices");
        browser.findElement(By.id("banned")).sendKeys("we guarantee");
        browser.findElement(By.id("sample"))
                .sendKeys("Mail me at jan@example.com or call +31 6 12345678 about competitor prices");
        navigating(() -> browser.findElement(By.id("test-policy")).click());
        assertThat(browser.findElement(By.id("trial-redacted")).getText())
                .isEqualTo("Mail me at [EMAIL_1] or call [PHONE_1] about competitor prices");
        assertThat(browser.findElement(By.id("trial-before")).getText())
                .isEqualTo("refuse: refused topic 'competitor prices'");
        // The tried policy stays in the form, unsaved, until it is saved.
        assertThat(browser.findElement(By.id("refused")).getAttribute("value")).isEqualTo("competitor prices");
        screenshot("10-policy-test");
        navigating(() -> browser.findElement(By.id("save-policy")).click());
        assertThat(notice()).startsWith("Saved as version 1");
        assertThat(browser.findElement(By.id("banned")).getAttribute("value")).isEqualTo("we guarantee");

        WebElement badge = browser.findElement(By.id("handover-badge"));
        assertThat(Integer.parseInt(badge.getText())).isGreaterThanOrEqualTo(1);
        openHandover();
        WebElement row = browser.findElement(By.cssSelector("tr[data-conversation='" + waiting.value() + "']"));
        assertThat(row.getText()).contains("customer-asked", "waiting for an agent", "first reply by");
        screenshot("11-handover-queue");
        navigating(() -> browser.findElement(By.id("toggle-availability")).click());
        assertThat(notice()).startsWith("You are available");
        assertThat(browser.findElement(By.cssSelector("tr[data-conversation='" + waiting.value() + "']"))
                        .getText())
                .contains("with " + email("acme", Role.TENANT_ADMIN));

        navigating(() -> browser.findElement(By.linkText(waiting.value())).click());
        browser.findElement(By.id("text")).sendKeys("Hello, I am a person: how can I help?");
        navigating(() -> browser.findElement(By.id("text")).submit());
        assertThat(notice()).isEqualTo("Reply sent.");
        openHandover();
        assertThat(browser.findElement(By.cssSelector("tr[data-conversation='" + waiting.value() + "']"))
                        .getText())
                .contains("replied");
        screenshot("12-handover-replied");
        open("Audit log");
        assertThat(browser.findElement(By.tagName("table")).getText())
                .contains("conversation.assigned", "conversation.handed-over", "policy.saved");
    }

    private void signIn(String email) {
        signIn(email, PASSWORD);
    }

    private void signIn(String email, String password) {
        browser.get(baseUrl() + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        browser.findElement(By.id("email")).sendKeys(email);
        navigating(() -> browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open(String section) {
        navigating(() -> browser.findElement(By.cssSelector("nav.sections"))
                .findElement(By.linkText(section))
                .click());
    }

    /** The handover queue's link carries its badge (the count of waiting and own conversations) in its text. */
    private void openHandover() {
        navigating(() -> browser.findElement(By.cssSelector("nav.sections"))
                .findElement(By.partialLinkText("Handover"))
                .click());
    }

    /** Runs an action that loads a new page and waits until the old one is gone, so no lookup finds its elements. */
    private void navigating(Runnable action) {
        WebElement old = browser.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> isGone(old));
    }

    /**
     * Whether a page's element has left the document. Newer ChromeDriver builds report a replaced document as an
     * "unknown error" (node does not belong to the document) instead of a stale element, so both count.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Waits, without reloading the page, until the element that updates itself (live.js) shows the text. */
    private void untilShown(String id, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    WebElement element = driver.findElement(By.id(id));
                    return element.getText().contains(text) && element.getAttribute("data-live") == null;
                });
    }

    private String notice() {
        return browser.findElement(By.cssSelector("p.notice")).getText();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeKnowledge(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("console-upload");
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
