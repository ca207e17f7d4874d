package com.assistantgateway.routes.message;

/**
 * An attachment by reference: where to fetch it, never its bytes, so queue messages stay small.
 *
 * @param uri where the content can be fetched (channel media URL or gateway storage)
 * @param contentType its MIME type
 * @param fileName the name the sender gave it, if any
 * @param sizeBytes its size when known, else {@code null}
 */
public record AttachmentRef(String uri, String contentType, String fileName, Long sizeBytes) {}
