package org.dyad.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.ArticleIngested;
import org.dyad.contracts.Topics;
import org.dyad.ingest.domain.ArticleStatus;
import org.dyad.ingest.service.StatusService;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.KafkaTopics;
import org.dyad.testsupport.PostgresResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ReprocessResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    StatusService status;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void reprocessQueuesTheSelectedArticlesAgainAndTheyArePublishedAgain() throws Exception {
        String old = post("Pakistan and Russia signed a military cooperation agreement.");
        String current = post("Turkey and Azerbaijan held joint exercises near Baku.");
        String failed = post("The ministers of Pakistan and Turkey met in Ankara.");
        for (String id : List.of(old, current, failed)) {
            records(id, 1); // published once
        }
        status.record(UUID.fromString(old), ArticleStatus.ENRICHED, null, "v-old");
        status.record(UUID.fromString(current), ArticleStatus.ENRICHED, null, "v-new");
        status.record(UUID.fromString(failed), ArticleStatus.FAILED, "oversized", "v-new");

        reprocess("{\"ids\":[\"" + old + "\",\"" + current + "\",\"" + failed + "\"],\"pipelineVersionNot\":\"v-new\"}")
                .then().statusCode(202).body("queued", equalTo(1)).body("remaining", equalTo(0));
        given().auth().oauth2(ArticleResourceTest.token("analyst")).when().get("/api/v1/articles/" + old + "/status")
                .then().statusCode(200).body("status", equalTo("cleaned"));

        List<ConsumerRecord<String, String>> again = records(old, 2);
        ArticleIngested first = json.readValue(again.get(0).value(), ArticleIngested.class);
        ArticleIngested second = json.readValue(again.get(1).value(), ArticleIngested.class);
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        assertThat(second.article()).isEqualTo(first.article()); // what is stored, sent again unchanged
        assertThat(again.get(1).headers().lastHeader("dyad-request-id")).isNotNull();

        reprocess("{\"ids\":[\"" + old + "\",\"" + current + "\",\"" + failed + "\"],\"status\":\"failed\"}")
                .then().statusCode(202).body("queued", equalTo(1));
        records(failed, 2);
        records(current, 1); // never selected: published once only

        given().auth().oauth2(ArticleResourceTest.token("admin")).when().get("/api/v1/admin/audit?limit=50")
                .then().statusCode(200).body("action", hasItem("admin.reprocess"));
    }

    @Test
    void anArticleStillWaitingForEnrichmentIsNotQueuedTwice() throws Exception {
        String id = post("Russia and Pakistan agreed on a new pipeline.");
        records(id, 1);
        // an event of this article waits in the outbox (claimed far ahead, so the relay leaves it alone)
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into outbox_event (id, article_id, topic, payload, created_at, claimed_until) "
                        + "values (?, ?, 'articles.ingested', '{}', now(), now() + interval '1 hour')")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, UUID.fromString(id));
            s.executeUpdate();
        }
        reprocess("{\"ids\":[\"" + id + "\"]}").then().statusCode(202).body("queued", equalTo(0))
                .body("remaining", equalTo(0));
    }

    @Test
    void badRequestsAreProblemsAndQueueNothing() {
        String id = UUID.randomUUID().toString();
        for (String[] bad : new String[][] {
                {"{}", "body"},
                {"{\"all\":false}", "body"},
                {"{\"stauts\":\"failed\"}", "stauts"},
                {"{\"ids\":[]}", "ids"},
                {"{\"ids\":[\"../../etc/passwd\"]}", "ids"},
                {"{\"ids\":[\"" + id + "'; drop table article; --\"]}", "ids"},
                {"{\"status\":\"done\"}", "status"},
                {"{\"from\":\"2025-02-30\"}", "from"},
                {"{\"from\":\"2025-03-01\",\"to\":\"2025-01-01\"}", "to"},
                {"{\"all\":true,\"limit\":0}", "limit"},
                {"{\"all\":true,\"limit\":100001}", "limit"}}) {
            reprocess(bad[0]).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:dyad:problem:invalid-reprocess-request"))
                    .body("field", equalTo(bad[1]));
        }
        reprocess("{\"ids\": [").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:malformed-json"));
        reprocess("{\"ids\":[\"" + "x".repeat(300 * 1024) + "\"]}").then().statusCode(413).contentType(PROBLEM_JSON);
        given().auth().oauth2(ArticleResourceTest.token("analyst")).contentType("application/json").body("{\"all\":true}")
                .when().post("/api/v1/admin/reprocess").then().statusCode(403);
        given().contentType("application/json").body("{\"all\":true}")
                .when().post("/api/v1/admin/reprocess").then().statusCode(401);
    }

    private io.restassured.response.Response reprocess(String body) {
        return given().auth().oauth2(ArticleResourceTest.token("admin")).contentType("application/json").body(body)
                .when().post("/api/v1/admin/reprocess");
    }

    private String post(String text) {
        return given().auth().oauth2(ArticleResourceTest.token("ingestor")).contentType("text/plain")
                .body(ArticleResourceTest.unique(text)).when().post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
    }

    /** Waits until the article's records on articles.ingested number exactly {@code expected}. */
    private List<ConsumerRecord<String, String>> records(String id, int expected) {
        List<ConsumerRecord<String, String>> mine = KafkaTopics.awaitRecords(bootstrapServers, Topics.ARTICLES_INGESTED,
                r -> id.equals(r.key()), expected, Duration.ofSeconds(30));
        assertThat(mine).as("records of " + id).hasSize(expected);
        return mine;
    }
}
