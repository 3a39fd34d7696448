package org.dyad.nlp.pipeline;

/**
 * One token as the engine saw it, engine-neutral so analysers (dates, amounts, quotes, topics, the event coder)
 * never depend on CoreNLP types.
 *
 * @param index zero-based index in the whole document
 * @param sentence zero-based sentence index
 * @param word the token's text as written ({@code text.substring(start, end)})
 * @param start offset of the first character (inclusive) in the cleaned text
 * @param end offset after the last character (exclusive)
 * @param pos Penn Treebank part-of-speech tag
 * @param lemma the lemma, lower case
 * @param ner the engine's entity tag ({@code O} for none)
 * @param normalized the engine's normalised value for dates, money, numbers ({@code 2021-09}, {@code $5.0E9}),
 *        or null
 */
public record Token(int index, int sentence, String word, int start, int end, String pos, String lemma, String ner,
        String normalized) {
}
