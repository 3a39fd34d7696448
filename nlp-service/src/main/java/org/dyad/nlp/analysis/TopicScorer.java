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

    /** A lexicon term and the topics it counts for. */
    private record Term(List<String> words, List<Weighted> topics) {
    }

    private final Map<String, List<Term>> byFirstWord = new HashMap<>();

    TopicScorer(Lexicon lexicon) {
        Map<List<String>, List<Weighted>> terms = new LinkedHashMap<>();
        for (List<String> row : lexicon.rows()) {
            List<String> words = Arrays.asList(row.get(1).toLowerCase(Locale.ROOT).split("\\s+"));
            terms.computeIfAbsent(List.copyOf(words), k -> new ArrayList<>())
                    .add(new Weighted(row.get(0), Double.parseDouble(row.get(2))));
        }
        terms.forEach((words, topics) -> byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>())
                .add(new Term(words, List.copyOf(topics))));
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
        int size = tokens.size();
        String[] words = new String[size];
        String[] lemmas = new String[size];
        for (int k = 0; k < size; k++) {
            Token t = tokens.get(k);
            words[k] = t.word().toLowerCase(Locale.ROOT);
            lemmas[k] = t.lemma() == null ? words[k] : t.lemma();
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        int i = 0;
        while (i < size) {
            Term best = null;
            for (String first : new String[] {words[i], lemmas[i]}) {
                for (Term term : byFirstWord.getOrDefault(first, List.of())) {
                    if ((best == null || term.words().size() > best.words().size()) && matches(term, words, lemmas, i)) {
                        best = term;
                    }
                }
            }
            if (best != null) {
                best.topics().forEach(w -> weights.merge(w.topic(), w.weight(), Double::sum));
                i += best.words().size();
            } else {
                i++;
            }
        }
        return weights;
    }

    /** A term's words all match, each by its word or its lemma. */
    private static boolean matches(Term term, String[] words, String[] lemmas, int from) {
        List<String> w = term.words();
        if (from + w.size() > words.length) {
            return false;
        }
        for (int k = 0; k < w.size(); k++) {
            if (!w.get(k).equals(words[from + k]) && !w.get(k).equals(lemmas[from + k])) {
                return false;
            }
        }
        return true;
    }
}
