package org.dyad.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The read model built from articles.enriched, seen through the search and article endpoints. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ReadModelTest extends EnrichedArticlesTestBase {

    @Test
    void enrichedArticleIsFoundBySearchWithHighlightedSnippet() {
        String word = EnrichedArticles.uniqueWord();
        UUID id = UUID.randomUUID();
        articles.publish(EnrichedArticles.article(id, "Pakistan and Turkiye sign defence pact", word, "v1", Instant.now()));

        JsonPath found = awaitSearch(word, 1);

        assertThat(found.getString("query")).isEqualTo(word);
        assertThat(found.getString("results[0].id")).isEqualTo(id.toString());
        assertThat(found.getString("results[0].title")).isEqualTo("Pakistan and Turkiye sign defence pact");
        assertThat(found.getString("results[0].snippet")).contains("<mark>" + word + "</mark>");
        assertThat(found.getString("results[0].source")).isEqualTo("dawn.com");
        assertThat(found.getString("results[0].publishedAt")).isEqualTo("2025-05-08");
        assertThat(found.getFloat("results[0].rank")).isPositive();
    }

    @Test
    void articleEndpointReturnsEntitiesWithOffsetsIntoTheText() {
        UUID id = UUID.randomUUID();
        ArticleEnriched event = EnrichedArticles.article(id, "Defence pact", EnrichedArticles.uniqueWord(), "v1",
                Instant.now());
        articles.publish(event);

        JsonPath article = awaitArticle(id, "v1");

        String text = article.getString("text");
        assertThat(text).isEqualTo(event.article().text());
        assertThat(article.getString("url")).isEqualTo(event.article().url());
        assertThat(article.getString("dateSource")).isEqualTo("header");
        assertThat(article.getString("author")).isEqualTo("Staff Reporter");
        assertThat(article.getString("cleaning.removedLines[0].rule")).isEqualTo("share-prompt");
        assertThat(article.getBoolean("cleaning.bodyRepeated")).isTrue();
        assertThat(article.getString("language")).isEqualTo("en");
        assertThat(article.getList("entities.entityId"))
                .containsExactly("country:pakistan", "country:turkiye", "location:ankara", "person:hakan-fidan");
        assertThat(article.getString("entities[1].name")).isEqualTo("Türkiye");
        assertThat(article.getString("entities[3].type")).isEqualTo("PERSON");
        List<Map<String, Object>> pakistan = article.getList("entities[0].mentions");
        assertThat(pakistan).extracting(m -> m.get("sentence")).containsExactly(0, 1);
        for (Map<String, Object> entity : article.<Map<String, Object>>getList("entities")) {
            for (Map<String, Object> m : mentionsOf(entity)) {
                assertThat(text.substring((Integer) m.get("start"), (Integer) m.get("end"))).isEqualTo(m.get("text"));
            }
        }
    }

    @Test
    void sameEventDeliveredTwiceLeavesOneCopyOfEachMention() {
        UUID id = UUID.randomUUID();
        String word = EnrichedArticles.uniqueWord();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ArticleEnriched event = EnrichedArticles.article(id, "Defence pact", word, "v1", first);
        // A re-enrichment with the same mentions comes last: once it shows, both deliveries before it were applied.
        ArticleEnriched reEnriched = EnrichedArticles.article(id, "Defence pact", word, "v2", first.plusSeconds(1));
        articles.publish(event, event, reEnriched);

        JsonPath article = awaitArticle(id, "v2");

        assertThat(article.<Map<String, Object>>getList("entities"))
                .extracting(e -> mentionsOf(e).size())
                .containsExactly(2, 1, 1, 1);
        assertThat(awaitSearch(word, 1).getList("results.id")).containsExactly(id.toString());
    }

    @Test
    void olderEnrichmentArrivingLateDoesNotOverwriteTheNewerOne() {
        UUID id = UUID.randomUUID();
        String word = EnrichedArticles.uniqueWord();
        Instant now = Instant.now();
        ArticleEnriched newer = EnrichedArticles.article(id, "Newer title", word, "v2", now);
        ArticleEnriched older = EnrichedArticles.article(id, "Older title", word, "v1", now.minusSeconds(3600));

        RecordMetadata last = articles.publish(newer, older);
        awaitCommittedPast(last);

        JsonPath article = awaitArticle(id, "v2");
        assertThat(article.getString("title")).isEqualTo("Newer title");
        // when the enrichment shown was made (a reprocessed article shows a later one)
        assertThat(Instant.parse(article.getString("enrichedAt"))) // PostgreSQL keeps microseconds, rounded
                .isCloseTo(now, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void unreadableMessagesAreSkippedAndTheNextOneIsApplied() {
        UUID id = UUID.randomUUID();
        articles.publishRaw(id.toString(),
                "this is not JSON",
                "{\"articleId\": \"" + id + "\", \"title\": \"no event id, no pipeline version\"}",
                "{\"eventId\": \"" + UUID.randomUUID() + "\", \"occurredAt\": \"2025-05-08T10:00:00Z\", \"articleId\": \""
                        + id + "\", \"pipelineVersion\": \"v1\", \"text\": \"Pakistan\", \"mentions\": [{\"entityId\": "
                        + "\"country:pakistan\", \"name\": \"Pakistan\", \"type\": \"COUNTRY\", \"text\": \"Pakistan\", "
                        + "\"start\": 5, \"end\": 2, \"sentence\": 0}]}");
        // Same key, so same partition: it is read only after the three above.
        articles.publish(EnrichedArticles.article(id, "Readable", EnrichedArticles.uniqueWord(), "v3", Instant.now()));

        JsonPath article = awaitArticle(id, "v3");
        assertThat(article.getString("title")).isEqualTo("Readable");

        // each unreadable one is reported on articles.failed, so its ingest status says why
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> failures =
                org.dyad.testsupport.KafkaTopics.awaitRecords(
                        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "articles.failed",
                        r -> id.toString().equals(r.key()), 3, java.time.Duration.ofSeconds(30));
        assertThat(failures).hasSize(3);
        assertThat(failures).allSatisfy(r -> assertThat(r.value())
                .contains("\"stage\":\"query\"").contains("\"reason\":\"unreadable-enrichment\""));
    }

    @Test
    void searchRanksATitleMatchAboveATextMatch() {
        String word = EnrichedArticles.uniqueWord();
        UUID inText = UUID.randomUUID();
        UUID inTitle = UUID.randomUUID();
        articles.publish(EnrichedArticles.article(inText, "Defence pact", word, "v1", Instant.now()));
        articles.publish(EnrichedArticles.article(inTitle, "The " + word + " accord", word, "v1", Instant.now()));

        JsonPath found = awaitSearch(word, 2);

        assertThat(found.getList("results.id")).containsExactly(inTitle.toString(), inText.toString());
    }

    @Test
    void sqlInjectionLookingQueryIsHarmless() {
        String word = EnrichedArticles.uniqueWord();
        UUID id = UUID.randomUUID();
        articles.publish(EnrichedArticles.article(id, "Defence pact", word, "v1", Instant.now()));
        awaitSearch(word, 1);

        given().auth().oauth2(Tokens.analyst())
                .queryParam("q", "'; drop table article; --")
                .when().get("/api/v1/search")
                .then().statusCode(200);

        assertThat(awaitSearch(word, 1).getList("results.id")).containsExactly(id.toString());
        given().auth().oauth2(Tokens.analyst())
                .when().get("/api/v1/articles/{id}", id)
                .then().statusCode(200);
    }

    private static JsonPath awaitSearch(String q, int expectedTotal) {
        return await().atMost(CONSUMED_WITHIN).until(() -> given().auth().oauth2(Tokens.analyst())
                        .queryParam("q", q)
                        .when().get("/api/v1/search")
                        .then().statusCode(200)
                        .extract().jsonPath(),
                json -> json.getLong("total") == expectedTotal);
    }

    private static JsonPath awaitArticle(UUID id, String pipelineVersion) {
        return await().atMost(CONSUMED_WITHIN).until(() -> given().auth().oauth2(Tokens.analyst())
                        .when().get("/api/v1/articles/{id}", id)
                        .then().extract(),
                response -> response.statusCode() == 200
                        && pipelineVersion.equals(response.jsonPath().getString("pipelineVersion")))
                .jsonPath();
    }

    private void awaitCommittedPast(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(CONSUMED_WITHIN).until(() -> {
            OffsetAndMetadata committed = kafka.consumerGroups().offsets("query-service", partition);
            return committed != null && committed.offset() > record.offset();
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mentionsOf(Map<String, Object> entity) {
        return (List<Map<String, Object>>) entity.get("mentions");
    }
}
