package org.dyad.nlp.events;

import java.util.ArrayList;
import java.util.List;
import org.dyad.nlp.pipeline.Token;

/**
 * The basic (tree-shaped) Universal Dependencies parse of one sentence, engine-neutral: for each token of the
 * sentence its head (an index into the same list, -1 for the root) and the relation to it.
 */
record DependencyParse(List<Token> tokens, int[] heads, String[] relations) {

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    String lemma(int i) {
        Token t = tokens.get(i);
        return t.lemma() == null ? t.word().toLowerCase(java.util.Locale.ROOT) : t.lemma();
    }

    String relation(int i) {
        return relations[i];
    }

    int head(int i) {
        return heads[i];
    }

    /** The direct dependents of a token, in sentence order. */
    List<Integer> children(int i) {
        List<Integer> children = new ArrayList<>();
        for (int j = 0; j < heads.length; j++) {
            if (heads[j] == i) {
                children.add(j);
            }
        }
        return children;
    }

    /** The dependents of a token whose relation starts with the given prefix ({@code obl} matches {@code obl:tmod}). */
    List<Integer> children(int i, String relationPrefix) {
        return children(i).stream().filter(c -> relations[c].equals(relationPrefix)
                || relations[c].startsWith(relationPrefix + ":")).toList();
    }

    /** The preposition or case marker of a nominal ("with" in "with Pakistan"), lower case, or "". */
    String caseOf(int i) {
        for (int c : children(i)) {
            if (relations[c].equals("case")) {
                return lemma(c);
            }
        }
        return "";
    }

    /** Whether {@code ancestor} dominates {@code i} (or is it). */
    boolean dominates(int ancestor, int i) {
        for (int at = i, steps = 0; at >= 0 && steps <= heads.length; at = heads[at], steps++) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }
}
