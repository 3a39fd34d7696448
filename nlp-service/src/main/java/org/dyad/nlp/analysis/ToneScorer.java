package org.dyad.nlp.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;

/**
 * Document tone from a lexicon of cordial (+1) and hostile (-1) words: {@code (cordial - hostile) / (cordial +
 * hostile + 1)}, so one word never makes a text fully cordial; a negation up to three tokens before a word ("not",
 * "never", "no", "n't", "without") turns it round. 0 when no lexicon word occurs.
 */
final class ToneScorer {

    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "n't", "without", "nor");
    private static final int NEGATION_REACH = 3;

    private final Map<String, Integer> polarity = new HashMap<>();

    ToneScorer(Lexicon lexicon) {
        for (List<String> row : lexicon.rows()) {
            polarity.put(row.get(0).toLowerCase(Locale.ROOT), Integer.parseInt(row.get(1).replace("+", "")));
        }
    }

    static ToneScorer standard() {
        return new ToneScorer(Lexicon.load("tone.tsv"));
    }

    double tone(ParsedText parsed) {
        List<Token> tokens = parsed.tokens();
        int cordial = 0;
        int hostile = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Integer p = polarity.get(t.word().toLowerCase(Locale.ROOT));
            if (p == null && t.lemma() != null) {
                p = polarity.get(t.lemma());
            }
            if (p == null) {
                continue;
            }
            if (negated(tokens, i)) {
                p = -p;
            }
            if (p > 0) {
                cordial++;
            } else {
                hostile++;
            }
        }
        double tone = (cordial - hostile) / (double) (cordial + hostile + 1);
        return Math.round(tone * 1000) / 1000.0;
    }

    private static boolean negated(List<Token> tokens, int i) {
        for (int k = Math.max(0, i - NEGATION_REACH); k < i; k++) {
            Token t = tokens.get(k);
            if (t.sentence() == tokens.get(i).sentence() && NEGATIONS.contains(t.word().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
