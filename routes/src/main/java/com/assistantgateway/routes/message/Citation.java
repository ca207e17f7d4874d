package com.assistantgateway.routes.message;

/**
 * Where a reply's statement comes from.
 *
 * @param source the knowledge source (file or page name)
 * @param title the source's title and heading path, for display
 * @param snippet the passage the reply used
 */
public record Citation(String source, String title, String snippet) {}
