package org.dyad.nlp.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.ArticleFailed;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleIngested;
import org.dyad.contracts.Topics;
import org.dyad.nlp.config.NlpConfig;
import org.dyad.nlp.pipeline.Seed;
import org.dyad.testsupport.KafkaResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service end to end through a real Kafka broker: ingested articles in, enriched or failed events out. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NlpServiceKafkaTest {

    /** Generous: the first article waits for the models to load on a busy 2-core machine. */
    private static final Duration WAIT = Duration.ofMinutes(4);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    NlpConfig config;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void ingestedArticleIsEnrichedWithItsMentionsAndThePipelineVersion() throws Exception {
        ArticleIngested article = seedArticle();
        produce(article.key(), mapper.writeValueAsString(article));

        ConsumerRecord<String, String> record = awaitRecord(Topics.ARTICLES_ENRICHED, article.key());
        ArticleEnriched enriched = mapper.readValue(record.value(), ArticleEnriched.class);

        assertThat(enriched.articleId()).isEqualTo(article.articleId());
        assertThat(enriched.pipelineVersion()).isEqualTo(config.pipelineVersion()).isNotBlank();
        // the headline is analysed as the first paragraph; the cleaned text follows as ingested
        String analysed = "Seed 000\n\n" + article.article().text();
        assertThat(enriched.article().text()).isEqualTo(analysed);
        assertThat(enriched.mentions()).anySatisfy(m -> {
            assertThat(m.entityId()).isEqualTo("person:hakan-fidan");
            assertThat(m.type()).isEqualTo("PERSON");
        });
        assertThat(enriched.mentions()).anySatisfy(m -> assertThat(m.entityId()).isEqualTo("country:PAK"));
        // the whole enrichment travels: sentences, topics, the document date and coded events
        assertThat(enriched.annotations().sentences()).isNotEmpty();
        assertThat(enriched.annotations().topics()).isNotEmpty();
        assertThat(enriched.annotations().documentDate().date()).hasToString("2025-07-09");
        assertThat(enriched.annotations().events()).anySatisfy(e -> {
            assertThat(e.cameoCode()).isNotBlank();
            assertThat(e.sources()).isNotEmpty();
        });
        assertThat(enriched.mentions()).allSatisfy(
                m -> assertThat(analysed.substring(m.start(), m.end())).isEqualTo(m.text()));
        // java.time values travel as ISO strings, as the other services read them.
        JsonNode json = mapper.readTree(record.value());
        assertThat(json.get("article").get("publishedAt").asText()).isEqualTo("2025-07-09");
        assertThat(json.get("occurredAt").isTextual()).isTrue();
    }

    @Test
    void requestIdOfTheIngestedRecordTravelsOnToTheEnrichedOne() throws Exception {
        ArticleIngested article = article("Pakistan and Turkey held talks in Ankara.");
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_INGESTED, article.key(),
                mapper.writeValueAsString(article));
        record.headers().add("dyad-request-id", "req-nlp-7".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion(WAIT);

        ConsumerRecord<String, String> enriched = awaitRecord(Topics.ARTICLES_ENRICHED, article.key());
        assertThat(enriched.headers().lastHeader("dyad-request-id")).isNotNull();
        assertThat(new String(enriched.headers().lastHeader("dyad-request-id").value(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("req-nlp-7");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("dyad_articles_enriched_total"));
    }

    @Test
    void nonJsonMessageIsReportedAsUnreadableAndTheNextArticleIsStillEnriched() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        produce(poisonKey, "this is { not an article");
        ArticleIngested next = article("Pakistan and Azerbaijan held talks in Baku.");
        produce(next.key(), mapper.writeValueAsString(next));

        ArticleFailed failed = mapper.readValue(awaitRecord(Topics.ARTICLES_FAILED, poisonKey).value(),
                ArticleFailed.class);
        assertThat(failed.reason()).isEqualTo("unreadable-message");
        assertThat(failed.stage()).isEqualTo("nlp");
        assertThat(failed.articleId()).hasToString(poisonKey);

        ArticleEnriched enriched = mapper.readValue(awaitRecord(Topics.ARTICLES_ENRICHED, next.key()).value(),
                ArticleEnriched.class);
        assertThat(enriched.mentions()).anySatisfy(m -> assertThat(m.entityId()).isEqualTo("country:AZE"));
    }

    @Test
    void messagesOfOneArticleArePublishedInTheOrderTheyCameWhileWorkersRunInParallel() throws Exception {
        UUID id = UUID.randomUUID();
        ArticleIngested first = ArticleIngested.of(id, ArticleContent.of("v1", "Pakistan and Turkey held talks.",
                "test", "https://example.org/" + id, "en", LocalDate.of(2025, 7, 9)));
        ArticleIngested second = ArticleIngested.of(id, ArticleContent.of("v2", "Azerbaijan and Russia held talks.",
                "test", "https://example.org/" + id, "en", LocalDate.of(2025, 7, 9)));
        ArticleIngested other = article("Hakan Fidan met Ishaq Dar in Islamabad.");
        produce(first.key(), mapper.writeValueAsString(first));
        produce(other.key(), mapper.writeValueAsString(other));
        produce(second.key(), mapper.writeValueAsString(second));

        assertThat(config.workers()).isGreaterThan(1);
        List<ConsumerRecord<String, String>> records = awaitRecords(Topics.ARTICLES_ENRICHED, first.key(), 2);
        assertThat(records).extracting(r -> read(r).article().title()).containsExactly("v1", "v2");
        assertThat(read(records.get(1)).mentions()).extracting(m -> m.entityId()).contains("country:AZE",
                "country:RUS");
        assertThat(read(awaitRecord(Topics.ARTICLES_ENRICHED, other.key())).mentions())
                .anySatisfy(m -> assertThat(m.entityId()).isEqualTo("person:hakan-fidan"));
    }

    private ArticleEnriched read(ConsumerRecord<String, String> record) {
        try {
            return mapper.readValue(record.value(), ArticleEnriched.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first n records with the key on the topic, in topic order. */
    private List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int n) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topic, records -> records.filter(r -> key.equals(r.key())).select().first(n))) {
            task.awaitCompletion(WAIT);
            return task.getRecords();
        }
    }

    @Test
    void articleLongerThanTheLimitIsReportedTooLarge() throws Exception {
        ArticleIngested article = article("Pakistan. ".repeat(config.maxChars() / 10 + 1));
        assertThat(article.article().text().length()).isGreaterThan(config.maxChars());
        produce(article.key(), mapper.writeValueAsString(article));

        ArticleFailed failed = mapper.readValue(awaitRecord(Topics.ARTICLES_FAILED, article.key()).value(),
                ArticleFailed.class);
        assertThat(failed.reason()).isEqualTo("too-large");
        assertThat(failed.articleId()).isEqualTo(article.articleId());
        assertThat(failed.pipelineVersion()).isEqualTo(config.pipelineVersion());
    }

    @Test
    void readinessReportsThePipelineUpOnceItHasEnrichedAnArticle() throws Exception {
        ArticleIngested article = article("Ishaq Dar spoke to Marco Rubio.");
        produce(article.key(), mapper.writeValueAsString(article));
        awaitRecord(Topics.ARTICLES_ENRICHED, article.key());

        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'nlp-pipeline' }.status", is("UP"))
                .body("checks.name", hasItem("nlp-pipeline"));
    }

    private void produce(String key, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.ARTICLES_INGESTED, key, value))
                .awaitCompletion(WAIT);
    }

    /** The first record with the key on the topic, read from the beginning (tests share the topics). */
    private ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topic, records -> records.filter(r -> key.equals(r.key())).select().first())) {
            task.awaitCompletion(WAIT);
            return task.getFirstRecord();
        }
    }

    private static ArticleIngested article(String text) {
        return ArticleIngested.of(UUID.randomUUID(), ArticleContent.of("Test article", text, "test",
                "https://example.org/" + UUID.randomUUID(), "en", LocalDate.of(2025, 7, 9)));
    }

    private static ArticleIngested seedArticle() {
        Seed seed = Seed.read("000_0de1ffbfcb81e0bd.txt");
        return ArticleIngested.of(UUID.randomUUID(), ArticleContent.of("Seed 000", seed.text(), "seed",
                "https://example.org/seed-000", "en", seed.publishedAt()));
    }
}
