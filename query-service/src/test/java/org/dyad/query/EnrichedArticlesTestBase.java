package org.dyad.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the read-model tests share: a Kafka companion on the test broker, enriched articles published through it, the
 * seed-like world of articles, and how long the service may take to consume one.
 */
abstract class EnrichedArticlesTestBase {

    static final Duration CONSUMED_WITHIN = Duration.ofSeconds(60);

    @Inject
    ObjectMapper mapper;

    KafkaCompanion kafka;
    EnrichedArticles articles;
    World world;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        articles = new EnrichedArticles(kafka, mapper);
        world = new World();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }
}
