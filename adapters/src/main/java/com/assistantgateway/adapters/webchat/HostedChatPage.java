package com.assistantgateway.adapters.webchat;

import com.assistantgateway.adapters.webchat.WebchatBinding.Settings;
import com.assistantgateway.routes.port.ChannelBinding;
import com.assistantgateway.routes.port.ChannelBindings;
import java.util.Comparator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Every assistant's own chat page, {@code /chat/{tenant}/{assistant}}: the widget's components full-page, on the
 * assistant's web chat binding. Other sites may frame it only where the binding allows their origin.
 */
@RestController
public class HostedChatPage {

    public static final String PATH = "/chat/{tenant}/{assistant}";

    private final ChannelBindings bindings;

    public HostedChatPage(ChannelBindings bindings) {
        this.bindings = bindings;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String tenant, @PathVariable String assistant) {
        return bindings.active(WebchatBinding.CHANNEL).stream()
                .filter(binding -> binding.tenantId().value().equals(tenant)
                        && binding.assistantId().value().equals(assistant))
                .min(Comparator.comparing(binding -> binding.id().value()))
                .map(HostedChatPage::page)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_HTML)
                        .body("<!doctype html><title>Not found</title><p>This assistant has no web chat.</p>"));
    }

    private static ResponseEntity<String> page(ChannelBinding binding) {
        Settings settings = WebchatBinding.settings(binding.settings());
        String title = HtmlUtils.htmlEscape(settings.theme().get(WebchatBinding.TITLE));
        String language = HtmlUtils.htmlEscape(settings.theme().get(WebchatBinding.LANGUAGE));
        String key = HtmlUtils.htmlEscape(binding.inboundKey());
        String html =
                """
                <!doctype html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="data:,">
                </head>
                <body>
                <main id="webchat-page"></main>
                <script async src="/widget/v1/chat.js" data-binding="%s" data-mode="page" data-mount="webchat-page"></script>
                </body>
                </html>
                """
                        .formatted(language, title, key);
        String ancestors = String.join(" ", settings.allowedOrigins());
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .header(
                        "Content-Security-Policy",
                        "default-src 'self'; style-src 'self';"
                                + " img-src 'self' data: https:; object-src 'none'; base-uri 'none'; form-action 'none';"
                                + " frame-ancestors 'self'" + (ancestors.isEmpty() ? "" : " " + ancestors))
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .body(html);
    }
}
