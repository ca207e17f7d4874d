package com.assistantgateway.orchestrator.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009): a chunk scores the sum of {@code 1 / (k + rank)} over the ranked
 * lists it appears in. The sum is divided by its maximum, {@code lists / (k + 1)}, so 1.0 means first in every list
 * and about 0.5 first in one of two: a scale a per-assistant confidence threshold can be set on.
 */
public final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {}

    /** Fuses ranked lists (best first); a chunk is identified by its source and position. */
    public static List<ScoredChunk> fuse(List<List<ScoredChunk>> rankings, int k, int limit) {
        Map<String, ScoredChunk> chunks = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<ScoredChunk> ranking : rankings) {
            for (int rank = 1; rank <= ranking.size(); rank++) {
                ScoredChunk hit = ranking.get(rank - 1);
                String key = hit.chunk().source() + '\u0000' + hit.chunk().position();
                // Keep the copy that knows its cosine (the dense list's), whichever list came first.
                chunks.merge(key, hit, (kept, other) -> Double.isNaN(kept.cosine()) ? other : kept);
                scores.merge(key, 1.0 / (k + rank), Double::sum);
            }
        }
        double max = rankings.size() / (double) (k + 1);
        List<ScoredChunk> fused = new ArrayList<>(chunks.size());
        chunks.forEach((key, hit) -> fused.add(hit.withScore(scores.get(key) / max)));
        fused.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : fused;
    }
}
