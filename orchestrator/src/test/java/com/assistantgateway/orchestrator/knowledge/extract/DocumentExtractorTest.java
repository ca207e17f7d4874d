package com.assistantgateway.orchestrator.knowledge.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assistantgateway.orchestrator.knowledge.KnowledgeChunk;
import com.assistantgateway.orchestrator.knowledge.MarkdownChunker;
import com.assistantgateway.orchestrator.testing.SampleDocuments;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every ingested file type, as real files, through Tika into structured Markdown; and the ones that must fail. */
class DocumentExtractorTest {

    private final DocumentExtractor extractor = new DocumentExtractor();

    private ExtractedDocument extract(String name, byte[] content) {
        return extractor.extract(name, extractor.mediaType(name, content), content);
    }

    @Test
    void pdfKeepsItsTitleAndEachPageBecomesASection() throws Exception {
        byte[] pdf = SampleDocuments.pdf(
                "Brake Service Manual",
                new String[] {"Calipers carry a 2-year warranty.", "Pads carry 6 months."},
                new String[] {"Discs are replaced in pairs."});

        ExtractedDocument document = extract("manual.pdf", pdf);

        assertThat(extractor.mediaType("manual.pdf", pdf)).isEqualTo("application/pdf");
        assertThat(document.title()).isEqualTo("Brake Service Manual");
        assertThat(document.markdown())
                .contains("## Page 1\n\nCalipers carry a 2-year warranty.")
                .contains("## Page 2\n\nDiscs are replaced in pairs.");
    }

    @Test
    void aPdfsOutlineBecomesItsHeadingsWithEachPageUnderTheHeadingItStartsIn() throws Exception {
        byte[] pdf = SampleDocuments.pdfWithOutline(
                "Workshop Manual",
                new String[] {"Calipers carry a 2-year warranty."},
                new String[] {"Discs are replaced in pairs."},
                new String[] {"Winter tyres from November."});

        ExtractedDocument document = extract("workshop.pdf", pdf);

        assertThat(document.markdown())
                .isEqualTo("## Brakes\n\n### Calipers\n\n#### Page 1\n\nCalipers carry a 2-year warranty.\n\n"
                        + "### Discs\n\n#### Page 2\n\nDiscs are replaced in pairs.\n\n"
                        + "## Tyres\n\n#### Page 3\n\nWinter tyres from November.");
        assertThat(new MarkdownChunker(800, 120).chunk("workshop.pdf", document.title(), document.markdown()))
                .extracting(KnowledgeChunk::label)
                .containsExactly(
                        "Workshop Manual > Brakes > Calipers > Page 1",
                        "Workshop Manual > Brakes > Discs > Page 2",
                        "Workshop Manual > Tyres > Page 3");
    }

    @Test
    void docxHeadingStylesBecomeMarkdownHeadings() throws Exception {
        byte[] docx = SampleDocuments.docx(
                "Returns policy",
                "# Returns",
                "## Within 30 days",
                "Bring the receipt.",
                "## After 30 days",
                "Store credit only.");

        ExtractedDocument document = extract("returns.docx", docx);

        assertThat(document.title()).isEqualTo("Returns policy");
        assertThat(document.markdown())
                .isEqualTo(
                        "# Returns\n\n## Within 30 days\n\nBring the receipt.\n\n## After 30 days\n\nStore credit only.");
    }

    @Test
    void htmlKeepsTitleAndHeadingsAndDropsScripts() {
        String html =
                """
                <!DOCTYPE html><html><head><title>Opening hours</title><script>track()</script></head>
                <body><h1>Our shops</h1><h2>Amsterdam</h2><p>Open <b>Monday</b> to Saturday.</p>
                <ul><li>Parking at the back</li><li>Wheelchair access</li></ul></body></html>""";

        ExtractedDocument document = extract("hours.html", SampleDocuments.utf8(html));

        assertThat(document.title()).isEqualTo("Opening hours");
        assertThat(document.markdown())
                .isEqualTo("# Our shops\n\n## Amsterdam\n\nOpen Monday to Saturday.\n\n"
                        + "- Parking at the back\n- Wheelchair access");
    }

    @Test
    void aWebPageKeepsItsMainContentWithoutTheSitesNavigationBannersAndFooter() {
        String page =
                """
                <!DOCTYPE html><html lang="nl"><head><meta charset="windows-1252"><title>Garantie | AutoParts</title>
                </head><body>
                <header><a href="/">AutoParts</a><nav><ul><li><a href="/shop">Shop</a></li>
                  <li><a href="/contact">Contact</a></li></ul></nav></header>
                <div role="dialog" aria-hidden="true"><p>We gebruiken cookies.</p></div>
                <main><article><header><h1>Garantie op onderdelen</h1><p>Bijgewerkt in november</p></header>
                  <h2>Remklauwen</h2><p>Remklauwen hebben twee jaar garantie – ook bij montage elders.</p>
                  <aside><h3>Gerelateerd</h3><p>Retourneren</p></aside></article>
                  <form><label>Nieuwsbrief <input name="email"></label></form></main>
                <footer><p>© 2026 AutoParts B.V.</p></footer></body></html>""";

        ExtractedDocument document =
                extract("garantie.html", page.getBytes(java.nio.charset.Charset.forName("windows-1252")));

        assertThat(document.title()).isEqualTo("Garantie | AutoParts");
        assertThat(document.markdown())
                .isEqualTo("# Garantie op onderdelen\n\nBijgewerkt in november\n\n## Remklauwen\n\n"
                        + "Remklauwen hebben twee jaar garantie – ook bij montage elders.");
    }

    @Test
    void csvRowsBecomeLinesOfColumnValuePairs() {
        String csv = "part,name,warranty\nXJ-9042,Brake hose,2 years\nQZ-1177,Fuel pump,1 year\n";

        ExtractedDocument document = extract("parts.csv", SampleDocuments.utf8(csv));

        assertThat(document.markdown())
                .contains("part: XJ-9042; name: Brake hose; warranty: 2 years")
                .contains("part: QZ-1177; name: Fuel pump; warranty: 1 year");
    }

    @Test
    void anExcelExportWithSemicolonsAByteOrderMarkAndQuotedLineBreaksKeepsEachRowWhole() throws Exception {
        byte[] csv = SampleDocuments.excelCsv(
                new String[] {"Onderdeel", "Omschrijving", "Garantie"},
                new String[] {"XJ-9042", "Remslang; voor", "2 jaar"},
                new String[] {"QZ-1177", "Brandstofpomp \"Pro\"\nmet filter", "1 jaar"});

        ExtractedDocument document = extract("onderdelen.csv", csv);

        assertThat(document.markdown())
                .isEqualTo("Onderdeel: XJ-9042; Omschrijving: Remslang; voor; Garantie: 2 jaar\n\n"
                        + "Onderdeel: QZ-1177; Omschrijving: Brandstofpomp \"Pro\"\nmet filter; Garantie: 1 jaar");
    }

    @Test
    void textIsDecodedFromItsOwnCharsetAndMarkdownIsKeptAsItIs() {
        String latin = "Caf\u00e9 op\u00e9ning hours: Monday to Friday, the caf\u00e9 is open from nine to five.";
        String markdown = "# Returns\n\n## Refunds\n\nWithin 14 days.";

        assertThat(extract("hours.txt", SampleDocuments.text(latin, Charset.forName("ISO-8859-1")))
                        .markdown())
                .isEqualTo(latin);
        assertThat(extract("returns.md", SampleDocuments.utf8(markdown)).markdown())
                .isEqualTo(markdown);
    }

    /** Whatever a statistical detector would guess, bytes that are valid UTF-8 are read as UTF-8. */
    @Test
    void validUtf8IsReadAsUtf8FirstAndAByteOrderMarkIsDropped() {
        String spanish = "# Horario\n\nAbrimos todo el a\u00f1o; se\u00f1or Mu\u00f1oz atiende en Espa\u00f1a.";
        byte[] withBom = ("\uFEFF" + spanish).getBytes(StandardCharsets.UTF_8);

        assertThat(DocumentExtractor.decode("horario.md", spanish.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(spanish)
                .doesNotContain("\u5e3d"); // 帽: "ñ" read as GB18030
        assertThat(DocumentExtractor.decode("horario.md", withBom)).isEqualTo(spanish);
        assertThat(DocumentExtractor.decode(
                        "precios.csv", "Producto;Precio\nPi\u00f1a;2 \u20ac".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Producto;Precio\nPi\u00f1a;2 \u20ac");
    }

    @Test
    void corruptPdfFailsWithAReason() throws Exception {
        byte[] corrupt = SampleDocuments.corruptPdf();

        assertThatThrownBy(() -> extract("manual.pdf", corrupt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("manual.pdf could not be read as PDF (the file may be damaged)");
    }

    @Test
    void encryptedPdfAndDocxFailSayingTheyAreEncrypted() throws Exception {
        byte[] pdf = SampleDocuments.encryptedPdf();
        byte[] docx = SampleDocuments.encryptedDocx();

        assertThatThrownBy(() -> extract("prices.pdf", pdf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prices.pdf is encrypted (password-protected); upload a copy without the password");
        assertThatThrownBy(() -> extract("secret.docx", docx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret.docx is encrypted");
    }

    @Test
    void typesWeDoNotIngestAndContentThatBeliesItsNameAreRefused() throws Exception {
        assertThatThrownBy(() -> extractor.mediaType("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this file type is not ingested");
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThatThrownBy(() -> extractor.mediaType("report.pdf", zip))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("report.pdf is not a file of a type we ingest: its content is application/zip");
    }
}
