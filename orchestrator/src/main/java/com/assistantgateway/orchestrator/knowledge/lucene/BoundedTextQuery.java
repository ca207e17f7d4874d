package com.assistantgateway.orchestrator.knowledge.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The BM25 query of a message of any length. A long mail analysed whole has more distinct terms than Lucene takes in
 * one query (1,024 clauses, then {@code TooManyClauses}); so the terms the index does not hold are dropped, and of the
 * rest the {@link #MAX_TERMS} rarest (the ones that tell passages apart) are kept, each weighted by how often the
 * message says it. Each term is looked up in the index once: the query carries what the lookup found, so searching
 * does not seek every term in every segment again.
 */
final class BoundedTextQuery {

    static final int MAX_TERMS = 128;

    private BoundedTextQuery() {}

    /** The query, or {@code null} when no term of the text is in the index (only stop words, say). */
    static Query of(Analyzer analyzer, String field, String text, IndexSearcher searcher) {
        Map<BytesRef, Integer> counts = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(BytesRef.deepCopyOf(term.getBytesRef()), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record Candidate(Term term, int count, TermStates states) {}
        List<Candidate> kept = counts.entrySet().stream()
                .map(entry -> {
                    Term term = new Term(field, entry.getKey());
                    return new Candidate(term, entry.getValue(), states(searcher, term));
                })
                .filter(candidate -> candidate.states().docFreq() > 0)
                .sorted(Comparator.comparingInt(candidate -> candidate.states().docFreq()))
                .limit(MAX_TERMS)
                .toList();
        if (kept.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Candidate candidate : kept) {
            Query one = new TermQuery(candidate.term(), candidate.states());
            query.add(
                    candidate.count() == 1 ? one : new BoostQuery(one, candidate.count()), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static TermStates states(IndexSearcher searcher, Term term) {
        try {
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
