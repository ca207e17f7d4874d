package com.assistantgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assistantgateway.gateway.admin.AdminClient.Upload;
import com.assistantgateway.orchestrator.knowledge.KnowledgeBase;
import com.assistantgateway.orchestrator.knowledge.ScoredChunk;
import com.assistantgateway.orchestrator.testing.SampleDocuments;
import com.assistantgateway.routes.message.AssistantId;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Knowledge uploads through the admin API, ingested asynchronously off the broker's knowledge queue by the real
 * extractor, embedding model and store: every file type, failures with reasons, versions and roll-back, deletion.
 */
class KnowledgeIngestionTest extends AdminTestSupport {

    private static final AssistantId SUPPORT = new AssistantId("support");

    @Autowired
    KnowledgeBase knowledgeBase;

    private String base() {
        return "/api/v1/tenants/" + acme.slug() + "/assistants/support/knowledge";
    }

    private String admin() {
        return client.login(email(acme.slug(), com.assistantgateway.admin.security.Role.TENANT_ADMIN), PASSWORD);
    }

    private JsonNode upload(String token, String name, byte[] content) {
        HttpResponse<String> response = client.send("POST", base(), new Upload(name, content), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode source = AdminClient.read(response.body());
        assertThat(source.get("status").asText()).isEqualTo("queued");
        return source;
    }

    private JsonNode settled(String token, String id, int version) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> AdminClient.read(client.send("GET", base() + "/" + id, null, token)
                                .body()),
                        s -> s.get("targetVersion").asInt() == version
                                && (s.get("status").asText().equals("ready")
                                        || s.get("status").asText().equals("failed")));
    }

    private List<ScoredChunk> ask(String question) {
        return knowledgeBase.retrieve(acme.tenant, SUPPORT, question, 4);
    }

    @Test
    void everyFileTypeIsIngestedWithItsTitleAndHeadingsForCitations() throws Exception {
        String token = admin();
        Map<String, byte[]> files = Map.of(
                "manual.pdf",
                SampleDocuments.pdf(
                        "Brake Service Manual",
                        new String[] {"Calipers carry a two-year warranty."},
                        new String[] {"Discs are replaced in pairs."}),
                "returns.docx",
                SampleDocuments.docx("Returns policy", "# Returns", "## Refunds", "Refunds take five working days."),
                "hours.html",
                SampleDocuments.utf8("<html><head><title>Opening hours</title></head><body><h1>Shops</h1>"
                        + "<h2>Utrecht</h2><p>Utrecht opens on Sunday from noon.</p></body></html>"),
                "parts.csv",
                SampleDocuments.excelCsv(new String[] {"part", "name"}, new String[] {"QZ-1177", "electric fuel pump"}),
                "notes.txt",
                SampleDocuments.text("Gift cards are valid for two years.", StandardCharsets.ISO_8859_1),
                "faq.md",
                SampleDocuments.utf8("# FAQ\n\n## Loyalty\n\nMembers get a free car wash every 200 points."));
        Map<String, String> ids = new HashMap<>();
        files.forEach((name, content) ->
                ids.put(name, upload(token, name, content).get("id").asText()));

        for (Map.Entry<String, String> id : ids.entrySet()) {
            JsonNode source = settled(token, id.getValue(), 1);
            assertThat(source.get("status").asText()).as(id.getKey()).isEqualTo("ready");
            assertThat(source.get("chunks").asInt()).as(id.getKey()).isPositive();
            assertThat(source.get("progressDone").asInt())
                    .isEqualTo(source.get("progressTotal").asInt());
        }
        assertThat(ask("How long is the warranty on calipers?").get(0).chunk().label())
                .isEqualTo("Brake Service Manual > Page 1");
        assertThat(ask("When do I get my refund?").get(0).chunk().label()).isEqualTo("Returns policy > Refunds");
        assertThat(ask("Is the Utrecht shop open on Sunday?").get(0).chunk().label())
                .isEqualTo("Opening hours > Utrecht");
        assertThat(ask("QZ-1177").get(0).chunk().text()).isEqualTo("part: QZ-1177; name: electric fuel pump");
    }

    @Test
    void corruptOrEncryptedFilesFailWithAReasonAndUnknownTypesAreRefusedAtOnce() throws Exception {
        String token = admin();
        String corrupt = upload(token, "broken.pdf", SampleDocuments.corruptPdf())
                .get("id")
                .asText();
        String locked = upload(token, "locked.pdf", SampleDocuments.encryptedPdf())
                .get("id")
                .asText();

        assertThat(settled(token, corrupt, 1).get("statusReason").asText())
                .startsWith("broken.pdf could not be read as PDF (the file may be damaged)");
        assertThat(settled(token, locked, 1).get("statusReason").asText())
                .isEqualTo("locked.pdf is encrypted (password-protected); upload a copy without the password");
        HttpResponse<String> image =
                client.send("POST", base(), new Upload("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}), token);
        assertThat(image.statusCode()).isEqualTo(400);
        assertThat(image.body()).contains("this file type is not ingested");
    }

    @Test
    void reuploadIsANewVersionThatReplacesTheOldChunksAndCanBeRolledBack() {
        String token = admin();
        String id = upload(
                        token, "shipping.md", SampleDocuments.utf8("# Shipping\n\nShipping to Belgium costs 7 euro."))
                .get("id")
                .asText();
        settled(token, id, 1);
        upload(token, "shipping.md", SampleDocuments.utf8("# Shipping\n\nShipping to Belgium costs 5 euro."));
        JsonNode v2 = settled(token, id, 2);

        assertThat(v2.get("activeVersion").asInt()).isEqualTo(2);
        assertThat(ask("shipping to Belgium"))
                .filteredOn(h -> h.chunk().source().equals("shipping.md"))
                .singleElement()
                .satisfies(h -> assertThat(h.chunk().text()).contains("5 euro"));
        JsonNode versions = AdminClient.read(
                client.send("GET", base() + "/" + id + "/versions", null, token).body());
        assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);

        HttpResponse<String> restore = client.send("POST", base() + "/" + id + "/versions/1/restore", null, token);
        assertThat(restore.statusCode()).isEqualTo(202);
        assertThat(settled(token, id, 1).get("activeVersion").asInt()).isEqualTo(1);
        assertThat(ask("shipping to Belgium"))
                .filteredOn(h -> h.chunk().source().equals("shipping.md"))
                .singleElement()
                .satisfies(h -> assertThat(h.chunk().text()).contains("7 euro"));

        assertThat(client.send("DELETE", base() + "/" + id, null, token).statusCode())
                .isEqualTo(204);
        assertThat(ask("shipping to Belgium")).noneMatch(h -> h.chunk().source().equals("shipping.md"));
        assertThat(client.send("GET", base() + "/" + id + "/versions", null, token)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFailedNewVersionLeavesThePreviousOneAnswering() throws Exception {
        String token = admin();
        byte[] good = SampleDocuments.pdf("Towing", new String[] {"We tow within 50 kilometres."}, new String[] {"-"});
        String id = upload(token, "towing.pdf", good).get("id").asText();
        settled(token, id, 1);

        upload(token, "towing.pdf", SampleDocuments.corruptPdf());
        JsonNode failed = settled(token, id, 2);

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("activeVersion").asInt()).isEqualTo(1);
        assertThat(ask("How far do you tow?").get(0).chunk().text()).contains("50 kilometres");
    }

    @Test
    void aLargeSourceIsEmbeddedInBatchesWithProgress() {
        String token = admin();
        StringBuilder manual = new StringBuilder("# Parts catalogue\n\n");
        for (int i = 1; i <= 120; i++) {
            manual.append("## Part ")
                    .append(i)
                    .append("\n\nPart ")
                    .append(i)
                    .append(" fits model ")
                    .append(i * 7)
                    .append(" and weighs ")
                    .append(i)
                    .append(" kilograms.\n\n");
        }
        String id = upload(token, "catalogue.md", SampleDocuments.utf8(manual.toString()))
                .get("id")
                .asText();

        JsonNode ready = settled(token, id, 1);

        assertThat(ready.get("chunks").asInt()).isEqualTo(120);
        assertThat(ready.get("progressTotal").asInt()).isEqualTo(120);
        assertThat(ready.get("progressDone").asInt()).isEqualTo(120);
    }

    @Test
    void aWebPageIsFetchedAndIngestedUnderItsUrl() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/help/warranty", exchange -> {
            byte[] page = ("<html><head><title>Warranty</title></head><body><h2>Batteries</h2>"
                            + "<p>Batteries carry a three-year warranty.</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        try {
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/help/warranty";
            String token = admin();
            HttpResponse<String> response = client.send("POST", base() + "/url", Map.of("url", url), token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode source =
                    settled(token, AdminClient.read(response.body()).get("id").asText(), 1);

            assertThat(source.get("status").asText()).isEqualTo("ready");
            assertThat(source.get("originUrl").asText()).isEqualTo(url);
            assertThat(ask("battery warranty").get(0).chunk().source()).isEqualTo(url);
        } finally {
            site.stop(0);
        }
    }
}
