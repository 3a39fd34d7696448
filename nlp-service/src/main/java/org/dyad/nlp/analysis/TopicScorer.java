package org.dyad.nlp.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dyad.contracts.TopicScore;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;

/**
 * Multi-label topics from a weighted lexicon: each topic's weight of matched terms per 100 tokens (never fewer
 * than 100 counted, so a short text does not look dense), squashed to 0..1 by {@code 1 - exp(-density / 2)}; topics
 * under {@link #THRESHOLD} are dropped, the rest listed highest first.
 */
final class TopicScorer {

    static final double THRESHOLD = 0.2;
    private static final double SCALE = 2.0;

    private record Weighted(String topic, double weight) {
    }

    private final Map<List<String>, List<Weighted>> terms = new HashMap<>();
    private final int longest;

    TopicScorer(Lexicon lexicon) {
        int max = 1;
        for (List<String> row : lexicon.rows()) {
            List<String> words = Arrays.asList(row.get(1).toLowerCase(Locale.ROOT).split("\\s+"));
            terms.computeIfAbsent(List.copyOf(words), k -> new ArrayList<>())
                    .add(new Weighted(row.get(0), Double.parseDouble(row.get(2))));
            max = Math.max(max, words.size());
        }
        this.longest = max;
    }

    static TopicScorer standard() {
        return new TopicScorer(Lexicon.load("topics.tsv"));
    }

    List<TopicScore> score(ParsedText parsed) {
        Map<String, Double> weights = weights(parsed.tokens());
        double counted = Math.max(100, parsed.tokens().size());
        List<TopicScore> scores = new ArrayList<>();
        weights.forEach((topic, weight) -> {
            double score = 1 - Math.exp(-(weight * 100 / counted) / SCALE);
            if (score >= THRESHOLD) {
                scores.add(new TopicScore(topic, Math.round(score * 1000) / 1000.0));
            }
        });
        scores.sort(Comparator.comparingDouble(TopicScore::score).reversed().thenComparing(TopicScore::topic));
        return List.copyOf(scores);
    }

    /** Each topic's summed weight; the longest term at a position is taken and its tokens are not matched again. */
    Map<String, Double> weights(List<Token> tokens) {
        Map<String, Double> weights = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int n = Math.min(longest, tokens.size() - i); n >= 1 && matched == 0; n--) {
                List<Weighted> hit = match(tokens, i, n);
                if (hit != null) {
                    hit.forEach(w -> weights.merge(w.topic(), w.weight(), Double::sum));
                    matched = n;
                }
            }
            i += Math.max(matched, 1);
        }
        return weights;
    }

    private List<Weighted> match(List<Token> tokens, int from, int n) {
        List<String> words = new ArrayList<>(n);
        List<String> lemmas = new ArrayList<>(n);
        for (int k = from; k < from + n; k++) {
            Token t = tokens.get(k);
            words.add(t.word().toLowerCase(Locale.ROOT));
            lemmas.add(t.lemma() == null ? t.word().toLowerCase(Locale.ROOT) : t.lemma());
        }
        List<Weighted> hit = terms.get(words);
        return hit != null ? hit : terms.get(lemmas);
    }
}
