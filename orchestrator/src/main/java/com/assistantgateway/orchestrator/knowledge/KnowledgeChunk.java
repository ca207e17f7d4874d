package com.assistantgateway.orchestrator.knowledge;

/**
 * A passage of a knowledge source, with what a citation needs.
 *
 * @param source the source's name (file name or URL)
 * @param title the source's title
 * @param headingPath the headings above the passage, e.g. {@code Warranty > Making a claim}
 * @param position the passage's index within its source
 * @param text the passage
 */
public record KnowledgeChunk(String source, String title, String headingPath, int position, String text) {

    /** Title and heading path, for display in a citation. */
    public String label() {
        return headingPath == null || headingPath.isBlank() || headingPath.equals(title)
                ? title
                : title + " > " + headingPath;
    }
}
