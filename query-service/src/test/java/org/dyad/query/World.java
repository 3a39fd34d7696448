package org.dyad.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dyad.contracts.Amount;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.CleaningRecord;
import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.DateMention;
import org.dyad.contracts.DocumentDate;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.EventActor;
import org.dyad.contracts.Quote;
import org.dyad.contracts.Role;
import org.dyad.contracts.SchemaVersion;
import org.dyad.contracts.Sentence;
import org.dyad.contracts.TopicScore;

/**
 * Fully annotated articles about the seeds' story (Pakistan, Türkiye, Russia, the US) as nlp-service will
 * publish them. Entity ids carry a suffix unique to one test, so that counts over the shared database are that
 * test's own; names and aliases are the real ones.
 */
final class World {

    final String tag = EnrichedArticles.uniqueWord();

    String id(String canonical) {
        return canonical + "-" + tag;
    }

    /** An article to write sentence by sentence. */
    Text article(UUID articleId) {
        return new Text(articleId);
    }

    /** Fidan's visit to Islamabad: Pakistan, Türkiye, Fidan, Dar, Islamabad; a quote by Fidan; an agreement event. */
    ArticleEnriched turkeyVisit(UUID articleId, LocalDate published, Instant occurredAt, String pipelineVersion) {
        Text t = new Text(articleId);
        t.sentence("Turkish Foreign Minister Hakan Fidan visited Islamabad on Tuesday.");
        t.sentence("Fidan and his Pakistani counterpart, Ishaq Dar, held a joint press conference.");
        t.sentence("Pakistan and Turkiye signed a defence agreement worth $5 billion.");
        t.sentence("Fidan said \"Pakistan is a brother nation and our ties will deepen\" after the talks.");
        t.mention(0, "Hakan Fidan", fidan()).mention(0, "Islamabad", islamabad())
                .mention(1, "Fidan", fidan()).mention(1, "Pakistani", pakistan()).mention(1, "Ishaq Dar", dar())
                .mention(2, "Pakistan", pakistan()).mention(2, "Turkiye", turkiye())
                .mention(3, "Fidan", fidan()).mention(3, "Pakistan", pakistan());
        t.quote(3, "Pakistan is a brother nation and our ties will deepen", fidan(), "Fidan");
        t.date(0, "Tuesday", published.toString(), true);
        t.amount(2, "$5 billion", 5.0e9, "USD", "defence");
        t.topic("defence", 0.82).topic("diplomacy", 0.64).topic("energy", 0.05);
        t.agreement(2, "signed", pakistan(), turkiye(), published);
        return t.event(published, 0.6, pipelineVersion, occurredAt, "Pakistan and Turkiye deepen strategic ties");
    }

    /** Dar's talks in Moscow: Pakistan, Russia, Dar, Lavrov; an energy story. */
    ArticleEnriched russiaTalks(UUID articleId, LocalDate published, Instant occurredAt) {
        Text t = new Text(articleId);
        t.sentence("Pakistan and Russia held talks on energy cooperation in Moscow.");
        t.sentence("Ishaq Dar met Sergey Lavrov to discuss a gas pipeline.");
        t.mention(0, "Pakistan", pakistan()).mention(0, "Russia", russia())
                .mention(1, "Ishaq Dar", dar()).mention(1, "Sergey Lavrov", lavrov());
        t.topic("energy", 0.9).topic("diplomacy", 0.5);
        return t.event(published, 0.3, "v1", occurredAt, "Pakistan, Russia discuss energy");
    }

    /** Rubio on trade with Pakistan; a quote by Rubio. */
    ArticleEnriched rubioTrade(UUID articleId, LocalDate published, Instant occurredAt) {
        Text t = new Text(articleId);
        t.sentence("US Secretary of State Marco Rubio spoke with Ishaq Dar.");
        t.sentence("Rubio said \"we look forward to expanding trade with Pakistan\" in a statement.");
        t.mention(0, "US", usa()).mention(0, "Marco Rubio", rubio()).mention(0, "Ishaq Dar", dar())
                .mention(1, "Rubio", rubio()).mention(1, "Pakistan", pakistan());
        t.quote(1, "we look forward to expanding trade with Pakistan", rubio(), "Rubio");
        t.topic("trade-economy", 0.88).topic("diplomacy", 0.7);
        return t.event(published, 0.5, "v1", occurredAt, "Rubio says US wants more trade with Pakistan");
    }

    Entity pakistan() {
        return new Entity(id("country:PAK"), "COUNTRY", "Pakistan", List.of("Pakistani"), "PAK", List.of(), 0, true);
    }

    Entity turkiye() {
        return new Entity(id("country:TUR"), "COUNTRY", "Türkiye", List.of("Turkiye", "Turkey"), "TUR", List.of(), 0, true);
    }

    Entity russia() {
        return new Entity(id("country:RUS"), "COUNTRY", "Russia", List.of(), "RUS", List.of(), 0, true);
    }

    Entity usa() {
        return new Entity(id("country:USA"), "COUNTRY", "United States", List.of("US"), "USA", List.of(), 0, true);
    }

    Entity fidan() {
        return new Entity(id("person:hakan-fidan"), "PERSON", "Hakan Fidan", List.of(), "TUR", List.of(
                new Role("Foreign Minister", "TUR", null, LocalDate.of(2023, 6, 4), null, "dictionary")), 0, true);
    }

    Entity dar() {
        return new Entity(id("person:ishaq-dar"), "PERSON", "Ishaq Dar", List.of(), "PAK", List.of(
                new Role("Finance Minister", "PAK", null, LocalDate.of(2022, 9, 28), LocalDate.of(2023, 8, 14), "dictionary"),
                new Role("Foreign Minister", "PAK", null, LocalDate.of(2024, 3, 11), null, "dictionary")), 0, true);
    }

    Entity lavrov() {
        return new Entity(id("person:sergey-lavrov"), "PERSON", "Sergey Lavrov", List.of(), "RUS", List.of(), 0, true);
    }

    Entity rubio() {
        return new Entity(id("person:marco-rubio"), "PERSON", "Marco Rubio", List.of(), "USA", List.of(
                new Role("Secretary of State", "USA", null, LocalDate.of(2025, 1, 21), null, "article")), 0, true);
    }

    Entity azerbaijan() {
        return new Entity(id("country:AZE"), "COUNTRY", "Azerbaijan", List.of(), "AZE", List.of(), 0, true);
    }

    Entity islamabad() {
        return new Entity(id("location:islamabad"), "CITY", "Islamabad", List.of(), "PAK", List.of(), 0, true);
    }

    /** A CAMEO code as the coder's tables give it (cameo-codes.tsv, cameo-to-plover.txt). */
    record Code(String code, String name, int quadClass, double goldstein, String ploverType, String ploverMode) {
        static final Code CONSULT = new Code("040", "Consult", 1, 1.0, "CONSULT", null);
        static final Code VISIT = new Code("042", "Make a visit", 1, 1.9, "CONSULT", "visit");
        static final Code PRAISE = new Code("051", "Praise or endorse", 1, 3.4, "SUPPORT", null);
        static final Code SIGN = new Code("057", "Sign formal agreement", 1, 8.0, "SUPPORT", null);
        static final Code MILITARY = new Code("062", "Cooperate militarily", 2, 7.4, "COOPERATE", null);
        static final Code ACCUSE = new Code("112", "Accuse", 3, -2.0, "ACCUSE", "disapprove");
        static final Code SANCTION = new Code("163", "Impose embargo, boycott, or sanctions", 4, -8.0, "COERCE",
                "restrict");
    }

    /** Builds the text sentence by sentence and annotates it with offsets found in it. */
    final class Text {
        private final UUID articleId;
        private final StringBuilder text = new StringBuilder();
        private final List<Sentence> sentences = new ArrayList<>();
        private final List<EntityMention> mentions = new ArrayList<>();
        private final List<Entity> entities = new ArrayList<>();
        private final List<Quote> quotes = new ArrayList<>();
        private final List<DateMention> dates = new ArrayList<>();
        private final List<Amount> amounts = new ArrayList<>();
        private final List<TopicScore> topics = new ArrayList<>();
        private final List<CodedEvent> events = new ArrayList<>();
        private final int[] searchFrom = new int[64];
        private UUID cluster;
        private String source = "dawn.com";

        Text(UUID articleId) {
            this.articleId = articleId;
        }

        Text sentence(String s) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            int start = text.length();
            text.append(s);
            searchFrom[sentences.size()] = start;
            sentences.add(new Sentence(sentences.size(), start, text.length()));
            return this;
        }

        private int find(int sentence, String covered) {
            int at = text.indexOf(covered, searchFrom[sentence]);
            if (at < 0 || at >= sentences.get(sentence).end()) {
                throw new IllegalArgumentException(covered + " is not in sentence " + sentence);
            }
            searchFrom[sentence] = at + covered.length();
            return at;
        }

        Text mention(int sentence, String covered, Entity e) {
            int at = find(sentence, covered);
            mentions.add(new EntityMention(e.id(), e.name(), e.type(), covered, at, at + covered.length(), sentence));
            if (entities.stream().noneMatch(x -> x.id().equals(e.id()))) {
                entities.add(e);
            }
            return this;
        }

        void quote(int sentence, String words, Entity speaker, String speakerText) {
            int at = text.indexOf(words, sentences.get(sentence).start());
            int who = text.indexOf(speakerText, sentences.get(sentence).start());
            quotes.add(new Quote(words, at, at + words.length(), sentence, speaker.id(), speaker.name(), who,
                    who + speakerText.length()));
        }

        void date(int sentence, String covered, String value, boolean relative) {
            int at = text.indexOf(covered, sentences.get(sentence).start());
            dates.add(new DateMention(covered, at, at + covered.length(), sentence, value, relative));
        }

        void amount(int sentence, String covered, double value, String currency, String about) {
            int at = text.indexOf(covered, sentences.get(sentence).start());
            amounts.add(new Amount("MONEY", covered, at, at + covered.length(), sentence, value, currency, about));
        }

        Text topic(String topic, double score) {
            topics.add(new TopicScore(topic, score));
            return this;
        }

        void agreement(int sentence, String trigger, Entity source, Entity target, LocalDate date) {
            int at = text.indexOf(trigger, sentences.get(sentence).start());
            int s = text.indexOf(source.aliases().isEmpty() ? source.name() : "Pakistan", sentences.get(sentence).start());
            int tt = text.indexOf("Turkiye", sentences.get(sentence).start());
            events.add(new CodedEvent("e-" + sentence + "-057", List.of(new EventActor(source.id(), source.name(),
                    source.type(), source.country(), null, s, s + 8)), List.of(new EventActor(target.id(), target.name(),
                    target.type(), target.country(), null, tt, tt + 7)), "057", "Sign formal agreement", 1, 8.0,
                    "AGREE", null, trigger, at, at + trigger.length(), "occurred", date, sentence, 0.8));
        }

        /** The article is a copy in the near-duplicate cluster {@code id} (ingest's cluster id: its first article's id). */
        Text cluster(UUID id) {
            this.cluster = id;
            return this;
        }

        /** The site that published the article. */
        Text source(String site) {
            this.source = site;
            return this;
        }

        /**
         * An event coded in {@code sentence}: the trigger and each actor are found in the sentence by their covered
         * text (an actor's covered text is its name, or its first alias when the name is not in the sentence).
         */
        Text coded(int sentence, String trigger, Code code, String mode, LocalDate date, List<Entity> sources,
                List<Entity> targets) {
            int start = sentences.get(sentence).start();
            int at = text.indexOf(trigger, start);
            if (at < 0 || at >= sentences.get(sentence).end()) {
                throw new IllegalArgumentException(trigger + " is not in sentence " + sentence);
            }
            for (Entity e : sources) {
                actorMention(sentence, e);
            }
            for (Entity e : targets) {
                actorMention(sentence, e);
            }
            String id = "s" + sentence + "-" + code.code();
            if (events.stream().anyMatch(e -> e.id().equals(id))) {
                throw new IllegalArgumentException("two events " + id);
            }
            events.add(new CodedEvent(id, actors(sentence, sources), actors(sentence, targets), code.code(),
                    code.name(), code.quadClass(), code.goldstein(), code.ploverType(), code.ploverMode(), trigger, at,
                    at + trigger.length(), mode, date, sentence, 0.75));
            return this;
        }

        private List<EventActor> actors(int sentence, List<Entity> entities) {
            List<EventActor> out = new ArrayList<>();
            for (Entity e : entities) {
                String covered = covered(sentence, e);
                int at = text.indexOf(covered, sentences.get(sentence).start());
                out.add(new EventActor(e.id(), e.name(), e.type(), e.country(), null, at, at + covered.length()));
            }
            return out;
        }

        /** An actor's mention, unless one is already at its place. */
        private void actorMention(int sentence, Entity e) {
            String covered = covered(sentence, e);
            int at = text.indexOf(covered, sentences.get(sentence).start());
            if (mentions.stream().noneMatch(m -> m.start() == at)) {
                mentions.add(new EntityMention(e.id(), e.name(), e.type(), covered, at, at + covered.length(), sentence));
                if (entities.stream().noneMatch(x -> x.id().equals(e.id()))) {
                    entities.add(e);
                }
            }
        }

        private String covered(int sentence, Entity e) {
            int start = sentences.get(sentence).start();
            int end = sentences.get(sentence).end();
            for (String form : java.util.stream.Stream.concat(java.util.stream.Stream.of(e.name()),
                    e.aliases().stream()).toList()) {
                int at = text.indexOf(form, start);
                if (at >= 0 && at < end) {
                    return form;
                }
            }
            throw new IllegalArgumentException(e.name() + " is not in sentence " + sentence);
        }

        ArticleEnriched event(LocalDate published, double tone, String pipelineVersion, Instant occurredAt,
                String title) {
            List<Entity> counted = entities.stream().map(e -> new Entity(e.id(), e.type(), e.name(), e.aliases(),
                    e.country(), e.roles(), (int) mentions.stream().filter(m -> m.entityId().equals(e.id())).count(),
                    e.known())).toList();
            ArticleContent content = new ArticleContent(title, text.toString(), source,
                    "https://www." + source + "/news/" + articleId, null, "en", 0.98, published, "header",
                    "hash-" + articleId, CleaningRecord.NONE, cluster == null ? articleId : cluster);
            Annotations annotations = new Annotations(sentences, mentions, counted, dates, amounts, quotes, topics, tone,
                    new DocumentDate(published, false, "article"), events);
            return new ArticleEnriched(UUID.randomUUID(), SchemaVersion.CURRENT, occurredAt, articleId,
                    pipelineVersion, content, annotations);
        }
    }
}
