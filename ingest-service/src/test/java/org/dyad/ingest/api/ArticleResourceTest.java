package org.dyad.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.ArticleFailed;
import org.dyad.contracts.ArticleIngested;
import org.dyad.contracts.Topics;
import org.dyad.ingest.domain.Article;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.KafkaTopics;
import org.dyad.testsupport.PostgresResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ArticleResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    static String token(String... roles) {
        return Jwt.preferredUserName("alice").groups(Set.of(roles)).audience("dyad-api")
                .issuer("https://server.example.com").sign();
    }

    static String unique(String text) {
        return text + " (" + UUID.randomUUID() + ")";
    }

    static long articleCount() {
        return QuarkusTransaction.requiringNew().call(() -> Article.count());
    }

    @Test
    void postedJsonArticleIsStoredAndPublishedOnceKeyedByItsId() throws Exception {
        String body = unique("Pakistan and Turkey signed a defence agreement in Islamabad.");
        String id = given().auth().oauth2(token("ingestor")).contentType("application/json")
                .body("{\"title\":\"Pact\",\"body\":\"" + body + "\",\"source\":\"wire\",\"publishedAt\":\"2025-07-09\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(202)
                .header("Location", startsWith("/api/v1/articles/"))
                .body("status", equalTo("cleaned"))
                .body("duplicate", equalTo(false))
                .extract().path("id");

        List<ConsumerRecord<String, String>> mine = recordsFor(Topics.ARTICLES_INGESTED, id, 1);
        ArticleIngested event = json.readValue(mine.get(0).value(), ArticleIngested.class);
        assertThat(event.articleId()).hasToString(id);
        assertThat(event.article().text()).isEqualTo(body);
        assertThat(event.article().title()).isEqualTo("Pact");
        assertThat(event.article().publishedAt()).hasToString("2025-07-09");
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.eventId()).isNotNull();
    }

    @Test
    void plainTextSeedTakesItsDateFromTheHeader() throws Exception {
        String seed = resource("000_0de1ffbfcb81e0bd.txt");
        String id = given().auth().oauth2(token("ingestor")).contentType("text/plain").body(seed)
                .when().post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");

        ArticleIngested event = json.readValue(recordsFor(Topics.ARTICLES_INGESTED, id, 1).get(0).value(),
                ArticleIngested.class);
        assertThat(event.article().publishedAt()).hasToString("2025-07-09");
        assertThat(event.article().dateSource()).isEqualTo("header");
        assertThat(event.article().language()).isEqualTo("en");
        assertThat(event.article().languageConfidence()).isGreaterThan(0.5);
        assertThat(event.article().text()).startsWith("As India showcases").contains("Hakan Fidan");
    }

    @Test
    void sameTextAgainReturnsTheFirstIdWith200AndStoresNothingNew() {
        String body = unique("Russia and Pakistan held talks.");
        String first = postText(body).then().statusCode(202).extract().path("id");
        long before = articleCount();

        postText("  " + body.replace(" ", "  ") + "\r\n")
                .then().statusCode(200)
                .body("id", equalTo(first))
                .body("duplicate", equalTo(true));
        assertThat(articleCount()).isEqualTo(before);
    }

    @Test
    void idempotencyKeyReturnsTheSameArticleAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        String body = unique("Azerbaijan hosted the exercise.");
        String first = given().auth().oauth2(token("ingestor")).contentType("text/plain")
                .header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/articles").then().statusCode(202).extract().path("id");

        given().auth().oauth2(token("ingestor")).contentType("text/plain").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/articles").then().statusCode(200).body("id", equalTo(first));
        given().auth().oauth2(token("ingestor")).contentType("text/plain").header("Idempotency-Key", key)
                .body(unique("Another article."))
                .when().post("/api/v1/articles")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:idempotency-key-reused"));
    }

    @Test
    void lightlyEditedCopyJoinsTheOriginalsClusterAndAnUnrelatedArticleStartsItsOwn() throws Exception {
        java.util.Random random = new java.util.Random();
        String original = randomArticle(random, 220);
        String[] words = original.split(" ");
        words[40] = "syndicated";
        words[120] = "edited";
        String copy = "By Staff Reporter\n\n" + String.join(" ", words) + "\n\nFollow us on Twitter.";
        String unrelated = randomArticle(random, 220);

        String originalId = postText(original).then().statusCode(202).extract().path("id");
        String copyId = postText(copy).then().statusCode(202).extract().path("id");
        String unrelatedId = postText(unrelated).then().statusCode(202).extract().path("id");

        given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/" + copyId + "/status")
                .then().statusCode(200)
                .body("clusterId", equalTo(originalId))
                .body("nearDuplicateOf", equalTo(originalId))
                .body("similarity", org.hamcrest.Matchers.greaterThanOrEqualTo(0.5f))
                .body("clusterSize", equalTo(2));
        given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/" + originalId + "/status")
                .then().statusCode(200).body("clusterId", equalTo(originalId)).body("clusterSize", equalTo(2));
        given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/" + unrelatedId + "/status")
                .then().statusCode(200)
                .body("clusterId", equalTo(unrelatedId))
                .body("nearDuplicateOf", org.hamcrest.Matchers.nullValue())
                .body("clusterSize", equalTo(1));

        ArticleIngested event = json.readValue(recordsFor(Topics.ARTICLES_INGESTED, copyId, 1).get(0).value(),
                ArticleIngested.class);
        assertThat(event.article().clusterId()).hasToString(originalId);
    }

    /** A text of random words from a news vocabulary: unlike any other article a test posts. */
    static String randomArticle(java.util.Random random, int wordCount) {
        String[] vocabulary = ("minister talks defence trade energy agreement signed visit capital army exercise "
                + "border security economy tariff cooperation pipeline summit delegation officials said week "
                + "government forces joint meeting parliament budget investment gas oil port railway treaty "
                + "ambassador foreign ministry statement region strategic partnership bilateral").split(" ");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < wordCount; i++) {
            text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.append('.').toString();
    }

    @Test
    void requestIdFollowsTheArticleOntoItsKafkaRecord() throws Exception {
        String id = given().auth().oauth2(token("ingestor")).contentType("text/plain")
                .header("X-Request-Id", "req-follow-1")
                .body(unique("Pakistan and Azerbaijan agreed to expand trade."))
                .when().post("/api/v1/articles")
                .then().statusCode(202).header("X-Request-Id", equalTo("req-follow-1")).extract().path("id");

        ConsumerRecord<String, String> record = recordsFor(Topics.ARTICLES_INGESTED, id, 1).get(0);
        assertThat(record.headers().lastHeader("dyad-request-id")).isNotNull();
        assertThat(new String(record.headers().lastHeader("dyad-request-id").value(), StandardCharsets.UTF_8))
                .isEqualTo("req-follow-1");
    }

    @Test
    void writesAreAuditedAndOnlyAdminsReadTheTrail() {
        String id = postText(unique("Turkey and Pakistan discussed energy cooperation.")).then().statusCode(202)
                .extract().path("id");
        given().auth().oauth2(token("analyst")).contentType("text/plain").body("refused")
                .when().post("/api/v1/articles").then().statusCode(403);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token("admin")).queryParam("actor", "alice").queryParam("limit", "50")
                        .when().get("/api/v1/admin/audit")
                        .then().statusCode(200)
                        .body("findAll { it.articleId == '" + id + "' }.action", hasItem("article.submit"))
                        .body("findAll { it.articleId == '" + id + "' }.outcome", hasItem("created"))
                        .body("findAll { it.outcome == 'refused' }.status", hasItem(403)));

        given().auth().oauth2(token("analyst")).when().get("/api/v1/admin/audit").then().statusCode(403);
        given().when().get("/api/v1/admin/audit").then().statusCode(401);
        given().auth().oauth2(token("admin")).queryParam("since", "yesterday")
                .when().get("/api/v1/admin/audit")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-parameter"));
    }

    @Test
    void metricsCountIngestedArticles() {
        postText(unique("Russia and Pakistan signed a memorandum.")).then().statusCode(202);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("dyad_articles_ingested_total{outcome=\"created\""))
                .body(containsString("dyad_outbox_pending"));
    }

    @Test
    void emptyBodiesAreProblemsAndStoreNothing() {
        long before = articleCount();
        given().auth().oauth2(token("ingestor")).contentType("text/plain").body("")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:empty-body"))
                .body("status", equalTo(400));
        given().auth().oauth2(token("ingestor")).contentType("text/plain").body(" \n\t ")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(token("ingestor")).contentType("application/json").body("{\"title\":\"No body\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-article"))
                .body("violations.field", hasItem("body"));
        assertThat(articleCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() {
        long before = articleCount();
        String answer = given().auth().oauth2(token("ingestor")).contentType("application/json")
                .body("{\"body\": \"unterminated")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:malformed-json"))
                .extract().asString();
        assertThat(answer).doesNotContain("Exception").doesNotContain("org.dyad").doesNotContain("\tat ");
        assertThat(articleCount()).isEqualTo(before);
    }

    @Test
    void impossiblePublicationDateIsAFieldError() {
        given().auth().oauth2(token("ingestor")).contentType("application/json")
                .body("{\"body\":\"Some text.\",\"publishedAt\":\"2025-13-45\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("publishedAt"));
    }

    @Test
    void htmlPageIsReducedToItsArticleWithTitleAndDate() throws Exception {
        String page = resource("html/news-page.html").replace("Wednesday", "Wednesday " + UUID.randomUUID());
        String id = given().auth().oauth2(token("ingestor")).contentType("text/html; charset=UTF-8").body(page)
                .when().post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");

        ArticleIngested event = json.readValue(recordsFor(Topics.ARTICLES_INGESTED, id, 1).get(0).value(),
                ArticleIngested.class);
        assertThat(event.article().title()).isEqualTo("Pakistan and Turkey deepen defence ties");
        assertThat(event.article().publishedAt()).hasToString("2025-07-09");
        assertThat(event.article().text()).contains("Hakan Fidan arrived in Islamabad", "Energy cooperation")
                .doesNotContain("SCRIPT-LEAK", "NAV-LEAK", "FOOTER-LEAK", "ASIDE-LEAK");
    }

    @Test
    void invalidUtf8AndBinaryBodiesAreRefused() {
        long before = articleCount();
        given().auth().oauth2(token("ingestor")).contentType("text/plain; charset=UTF-8")
                .body(new byte[] {'P', 'a', 'k', (byte) 0xC3, (byte) 0x28, 'i', 's'})
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-encoding"));
        given().auth().oauth2(token("ingestor")).contentType("text/plain")
                .body(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3, 0, 0, 'x'})
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:binary-content"));
        given().auth().oauth2(token("ingestor")).contentType("text/html")
                .body("<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:no-article-text"));
        assertThat(articleCount()).isEqualTo(before);
    }

    @Test
    void articleOverTheSizeLimitIsRefusedWith413() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        given().auth().oauth2(token("ingestor")).contentType("text/plain").body(big)
                .when().post("/api/v1/articles")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:article-too-large"));
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        given().auth().oauth2(token("ingestor")).contentType("application/pdf").body(new byte[] {1, 2, 3})
                .when().post("/api/v1/articles")
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:unsupported-media-type"));
    }

    @Test
    void writingNeedsATokenWithTheIngestorRole() {
        given().contentType("text/plain").body("Text.")
                .when().post("/api/v1/articles")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:dyad:problem:unauthorized"));
        given().auth().oauth2(token("ingestor") + "x").contentType("text/plain").body("Text.")
                .when().post("/api/v1/articles")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        given().auth().oauth2(token("analyst")).contentType("text/plain").body("Text.")
                .when().post("/api/v1/articles")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:forbidden"));
    }

    @Test
    void statusFollowsEnrichmentAndFailure() {
        String enriched = postText(unique("Turkey praised Pakistan.")).then().statusCode(202).extract().path("id");
        String failed = postText(unique("Fidan visited Islamabad.")).then().statusCode(202).extract().path("id");

        ArticleIngested ingested = ArticleIngested.of(UUID.fromString(enriched),
                ArticleContent.of(null, "x", null, null, "en", null));
        send(Topics.ARTICLES_ENRICHED, enriched, ArticleEnriched.of(ingested, "test-pipeline", List.of()));
        send(Topics.ARTICLES_FAILED, failed,
                ArticleFailed.of(UUID.fromString(failed), "nlp", "not-english", "language is fr", "test-pipeline"));

        awaitStatus(enriched, "enriched");
        given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/" + enriched + "/status")
                .then().body("pipelineVersion", equalTo("test-pipeline"));
        awaitStatus(failed, "failed");
        given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/" + failed + "/status")
                .then().body("reason", startsWith("not-english"));
    }

    @Test
    void statusOfUnknownOrMalformedIdIsAProblem() {
        given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/" + UUID.randomUUID() + "/status")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo("urn:dyad:problem:not-found"));
        given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/..%2F..%2Fetc/status")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/not-a-uuid/status")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo("urn:dyad:problem:invalid-id"))
                .body("detail", notNullValue());
    }

    private io.restassured.response.Response postText(String body) {
        return given().auth().oauth2(token("ingestor")).contentType("text/plain").body(body)
                .when().post("/api/v1/articles");
    }

    private void awaitStatus(String id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = given().auth().oauth2(token("analyst")).when().get("/api/v1/articles/" + id + "/status")
                    .then().statusCode(200).extract().path("status");
            if (status.equals(seen)) {
                return;
            }
            sleep(200);
        }
        assertThat(seen).as("status of " + id).isEqualTo(status);
    }

    private void send(String topic, String key, Object event) {
        try {
            KafkaTopics.send(bootstrapServers, topic, key, json.writeValueAsString(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the topic until {@code expected} records with this key were seen, and checks there are no more. */
    private List<ConsumerRecord<String, String>> recordsFor(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> mine = KafkaTopics.awaitRecords(bootstrapServers, topic,
                r -> key.equals(r.key()), expected, Duration.ofSeconds(30));
        assertThat(mine).as("records with key " + key + " on " + topic).hasSize(expected);
        return mine;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ArticleResourceTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
