package org.dyad.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.CleaningRecord;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.SchemaVersion;
import org.dyad.contracts.Topics;

/** Builds {@link ArticleEnriched} events as nlp-service publishes them, and puts them on the topic. */
final class EnrichedArticles {

    private static final Random RANDOM = new Random();

    private final KafkaCompanion kafka;
    private final ObjectMapper mapper;

    EnrichedArticles(KafkaCompanion kafka, ObjectMapper mapper) {
        this.kafka = kafka;
        this.mapper = mapper;
    }

    /** A made-up word no other test uses, so that a search for it finds one test's articles only. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zqx");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    /** An article that names Pakistan twice, Turkiye, Ankara and Hakan Fidan, and contains {@code word} in its text. */
    static ArticleEnriched article(UUID id, String title, String word, String pipelineVersion, Instant occurredAt) {
        String text = "Pakistan and Turkiye signed a defence agreement in Ankara, called the " + word + " accord. "
                + "Hakan Fidan said Pakistan remains a close partner.";
        List<EntityMention> mentions = new ArrayList<>();
        mentions.add(mention(text, "country:pakistan", "Pakistan", "COUNTRY", "Pakistan", 0, 0));
        mentions.add(mention(text, "country:turkiye", "Türkiye", "COUNTRY", "Turkiye", 0, 0));
        mentions.add(mention(text, "location:ankara", "Ankara", "LOCATION", "Ankara", 0, 0));
        mentions.add(mention(text, "person:hakan-fidan", "Hakan Fidan", "PERSON", "Hakan Fidan", 0, 1));
        mentions.add(mention(text, "country:pakistan", "Pakistan", "COUNTRY", "Pakistan", 1, 1));
        CleaningRecord cleaning = new CleaningRecord(
                List.of(new CleaningRecord.RemovedLine("share-prompt", "Share the latest news updates")), 2, true, false);
        ArticleContent content = new ArticleContent(title, text, "dawn.com", "https://www.dawn.com/news/" + id,
                "Staff Reporter", "en", 0.97, LocalDate.of(2025, 5, 8), "header", "hash-" + id, cleaning, id);
        return new ArticleEnriched(UUID.randomUUID(), SchemaVersion.CURRENT, occurredAt, id, pipelineVersion, content,
                Annotations.ofMentions(mentions));
    }

    /** The {@code occurrence}-th (zero-based) appearance of {@code covered} in {@code text}. */
    private static EntityMention mention(String text, String entityId, String name, String type, String covered,
            int occurrence, int sentence) {
        int start = -1;
        for (int i = 0; i <= occurrence; i++) {
            start = text.indexOf(covered, start + 1);
        }
        return new EntityMention(entityId, name, type, covered, start, start + covered.length(), sentence);
    }

    /** Publishes the events in order, keyed by article id as nlp-service does; returns where the last one landed. */
    RecordMetadata publish(ArticleEnriched... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (ArticleEnriched event : events) {
            records.add(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, event.key(), json(event)));
        }
        return kafka.produceStrings().fromRecords(records).awaitCompletion().getLastRecord();
    }

    /** Publishes raw values under one key, for messages that are not valid events. */
    RecordMetadata publishRaw(String key, String... values) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String value : values) {
            records.add(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, key, value));
        }
        return kafka.produceStrings().fromRecords(records).awaitCompletion().getLastRecord();
    }

    private String json(ArticleEnriched event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
