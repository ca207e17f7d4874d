package com.assistantgateway.admin.storage;

/** What a stored file is; keys are unique per tenant and kind. */
public enum FileKind {
    /** An uploaded knowledge file version, kept for re-indexing: {@code <source>.v<n>}. */
    KNOWLEDGE_SOURCE,
    /** An attachment of an inbound message: {@code <message>/<n>-<name>}. */
    ATTACHMENT
}
