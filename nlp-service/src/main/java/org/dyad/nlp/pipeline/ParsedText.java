package org.dyad.nlp.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.Sentence;

/**
 * What the engine and the entity layer made of one article: the input for the analysers that add dates,
 * amounts, quotes, topics, tone and events.
 *
 * @param text the cleaned text every offset indexes
 * @param publishedAt the publication date the article came with, or null
 * @param sentences the sentences, in order
 * @param tokens every token, in order
 * @param mentions the entity mentions kept (no pronouns, no boilerplate), each with its canonical id
 * @param entities the canonical entities, one per distinct id
 * @param nominal the nominal mentions among {@code mentions} (a state body named by a demonym or a country and a
 *        common noun: "Iraqi forces", "the Syrian government"), each with the name that gives its country as the
 *        mention it would be alone: inside it ("Iraqi", NATIONALITY) or before it ("Syria" of "Syria's
 *        government"); the others are names
 */
public record ParsedText(String text, LocalDate publishedAt, List<Sentence> sentences, List<Token> tokens,
        List<EntityMention> mentions, List<Entity> entities, Map<EntityMention, EntityMention> nominal) {

    public ParsedText {
        sentences = List.copyOf(sentences);
        tokens = List.copyOf(tokens);
        mentions = List.copyOf(mentions);
        entities = List.copyOf(entities);
        nominal = nominal == null ? Map.of() : Map.copyOf(nominal);
    }

    /** An analysis with names only, no nominal mention. */
    public ParsedText(String text, LocalDate publishedAt, List<Sentence> sentences, List<Token> tokens,
            List<EntityMention> mentions, List<Entity> entities) {
        this(text, publishedAt, sentences, tokens, mentions, entities, Map.of());
    }

    /** The tokens of one sentence. */
    public List<Token> tokensOf(int sentence) {
        return tokens.stream().filter(t -> t.sentence() == sentence).toList();
    }
}
