package org.dyad.contracts;

import java.util.List;

/**
 * Everything the NLP pipeline found in one article; every offset indexes the cleaned text the article
 * travelled with.
 *
 * @param sentences the sentences, in order
 * @param mentions every entity mention (PERSON ... DATE), each pointing at its canonical entity
 * @param entities the canonical entities, one per distinct id
 * @param dates written dates, normalised
 * @param amounts money and percentages
 * @param quotes quotations with their speaker
 * @param topics topics with scores, highest first
 * @param tone document tone, -1 (hostile) to +1 (cordial); null when not computed
 * @param documentDate the date relative dates were resolved against, and whether it was inferred
 * @param events coded events
 */
public record Annotations(
        List<Sentence> sentences,
        List<EntityMention> mentions,
        List<Entity> entities,
        List<DateMention> dates,
        List<Amount> amounts,
        List<Quote> quotes,
        List<TopicScore> topics,
        Double tone,
        DocumentDate documentDate,
        List<CodedEvent> events) {

    /** Nothing found. */
    public static final Annotations NONE = new Annotations(null, null, null, null, null, null, null, null, null, null);

    public Annotations {
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        entities = entities == null ? List.of() : List.copyOf(entities);
        dates = dates == null ? List.of() : List.copyOf(dates);
        amounts = amounts == null ? List.of() : List.copyOf(amounts);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
        topics = topics == null ? List.of() : List.copyOf(topics);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** Annotations holding only entity mentions (the skeleton's output). */
    public static Annotations ofMentions(List<EntityMention> mentions) {
        return new Annotations(null, mentions, null, null, null, null, null, null, null, null);
    }
}
