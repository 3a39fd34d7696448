package org.dyad.nlp.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verb-pattern dictionary ({@code verbs.txt}): trigger lemmas with the dependents they need, each mapped to a
 * CAMEO code. The format is described at the top of the file and in {@code nlp-service/EVENTS.md}.
 */
final class VerbPatterns {

    /** Word classes a trigger can have. */
    enum Kind {
        VERB, NOUN, ADJECTIVE;

        boolean accepts(String pos) {
            if (pos == null) {
                return false;
            }
            return switch (this) {
                case VERB -> pos.startsWith("VB");
                case NOUN -> pos.startsWith("NN");
                case ADJECTIVE -> pos.startsWith("JJ");
            };
        }
    }

    /**
     * One line of the dictionary.
     *
     * @param words the trigger lemma and the lemmas that must follow it directly
     * @param required groups of lemmas, one of each must be a dependent of the trigger
     * @param excluded lemmas no dependent may have
     * @param line the line number, which breaks ties between equally specific patterns
     */
    record Pattern(String code, Kind kind, List<String> words, List<Set<String>> required, Set<String> excluded,
            int line) {

        int specificity() {
            return words.size() + required.size();
        }
    }

    private final Map<String, List<Pattern>> byTrigger = new HashMap<>();

    VerbPatterns(CameoCodebook codebook) {
        int lineNo = 0;
        for (String line : Resources.lines("verbs.txt")) {
            lineNo++;
            Pattern p = parse(line, lineNo);
            if (!codebook.contains(p.code())) {
                throw new IllegalStateException("verbs.txt: unknown CAMEO code " + p.code() + " in: " + line);
            }
            byTrigger.computeIfAbsent(key(p.kind(), p.words().get(0)), k -> new ArrayList<>()).add(p);
        }
    }

    static Pattern parse(String line, int lineNo) {
        String[] codeAndPattern = line.split("\t", 2);
        if (codeAndPattern.length < 2) {
            throw new IllegalStateException("verbs.txt: no tab in: " + line);
        }
        String code = codeAndPattern[0].strip();
        List<String> words = new ArrayList<>();
        List<Set<String>> required = new ArrayList<>();
        Set<String> excluded = new HashSet<>();
        Set<String> group = null;
        Kind kind = Kind.VERB;
        for (String part : codeAndPattern[1].strip().split("\\s+")) {
            if (part.equals("+")) {
                group = new HashSet<>();
                required.add(group);
            } else if (part.equals("-")) {
                group = excluded;
            } else if (group != null) {
                group.add(part);
            } else if (words.isEmpty() && part.contains("/")) {
                String[] lemmaAndKind = part.split("/", 2);
                words.add(lemmaAndKind[0]);
                kind = switch (lemmaAndKind[1]) {
                    case "n" -> Kind.NOUN;
                    case "a" -> Kind.ADJECTIVE;
                    default -> Kind.VERB;
                };
            } else {
                words.add(part);
            }
        }
        return new Pattern(code, kind, List.copyOf(words), List.copyOf(required), Set.copyOf(excluded), lineNo);
    }

    /** The patterns a token of this class and lemma may trigger, or none. */
    List<Pattern> candidates(String pos, String lemma) {
        for (Kind kind : Kind.values()) {
            if (kind.accepts(pos)) {
                return byTrigger.getOrDefault(key(kind, lemma), List.of());
            }
        }
        return List.of();
    }

    /** The verb lemma of a word a headline tagged as a noun ("signs" -> "sign"), if the dictionary has that verb. */
    String verbLemma(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        for (String candidate : new String[] {w, w.replaceAll("s$", ""), w.replaceAll("es$", "")}) {
            if (byTrigger.containsKey(key(Kind.VERB, candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether the token could trigger any pattern (the cheap test that decides whether a sentence is parsed). */
    boolean isActionWord(String pos, String lemma) {
        return !candidates(pos, lemma).isEmpty();
    }

    private static String key(Kind kind, String lemma) {
        return kind + ":" + lemma;
    }
}
