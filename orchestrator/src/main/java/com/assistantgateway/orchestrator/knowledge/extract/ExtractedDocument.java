package com.assistantgateway.orchestrator.knowledge.extract;

/**
 * Text extracted from an upload, as Markdown: headings stay headings, table rows become lines of {@code column:
 * value} pairs, PDF pages become sections, so the chunker can cut along the document's structure.
 *
 * @param title the document's own title (metadata, {@code <title>} or first heading), blank if it has none
 * @param markdown the text
 */
public record ExtractedDocument(String title, String markdown) {}
