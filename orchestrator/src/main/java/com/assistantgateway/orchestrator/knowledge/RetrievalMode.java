package com.assistantgateway.orchestrator.knowledge;

import java.util.Locale;

/** Which retrievers answer a query. */
public enum RetrievalMode {
    /** Nearest neighbours of the question's embedding; the score is cosine similarity. */
    DENSE,
    /** BM25 over the language-analyzed text; the score is the normalized reciprocal rank. */
    BM25,
    /** Both, fused by reciprocal rank fusion; the score is the normalized fused score. */
    HYBRID;

    public static RetrievalMode of(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
