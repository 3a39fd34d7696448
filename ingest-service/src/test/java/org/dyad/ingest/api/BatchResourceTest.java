package org.dyad.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dyad.ingest.dedup.NearDuplicateDetector;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class BatchResourceTest {

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ndjsonBatchKeepsGoodLinesAndReportsEachBadOne() throws IOException {
        String tag = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        line(body, "{\"title\":\"One\",\"body\":\"Pakistan and Turkey signed a pact. " + tag + " one\",\"publishedAt\":\"2025-07-09\"}");
        line(body, "{\"body\": \"broken json");
        line(body, "{\"title\":\"No body\"}");
        body.write(new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        line(body, "");
        line(body, "{\"body\":\"Bad date. " + tag + "\",\"publishedAt\":\"2025-02-30\"}");
        line(body, "{\"id\":\"feed-42\",\"body\":\"Russia and Pakistan held talks. " + tag + " two\"}");
        line(body, "{\"title\":\"One again\",\"body\":\"Pakistan and Turkey signed a pact. " + tag + " one\"}");

        List<JsonNode> results = batch(body.toByteArray(), "application/x-ndjson");

        assertThat(results).hasSize(8);
        assertThat(results.subList(0, 7)).extracting(r -> r.get("line").asInt()).containsExactly(1, 2, 3, 4, 6, 7, 8);
        assertThat(results.subList(0, 7)).extracting(r -> r.get("status").asInt())
                .containsExactly(202, 400, 400, 400, 400, 202, 200);
        assertThat(results.get(1).get("type").asText()).isEqualTo("urn:dyad:problem:malformed-json");
        assertThat(results.get(2).get("type").asText()).isEqualTo("urn:dyad:problem:invalid-article");
        assertThat(results.get(3).get("type").asText()).isEqualTo("urn:dyad:problem:invalid-encoding");
        assertThat(results.get(4).get("type").asText()).isEqualTo("urn:dyad:problem:invalid-article");
        assertThat(results.get(6).get("id").asText()).isEqualTo(results.get(0).get("id").asText());
        JsonNode summary = results.get(7);
        assertThat(summary.get("accepted").asInt()).isEqualTo(2);
        assertThat(summary.get("duplicates").asInt()).isEqualTo(1);
        assertThat(summary.get("failed").asInt()).isEqualTo(4);
    }

    @Test
    void aBatchLongerThanOneTransactionKeepsEveryLineAndRefusesOnlyAReusedId() throws IOException {
        String tag = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 1; i <= 250; i++) {
            String id = i == 150 ? "reused-" + tag : i == 10 ? "reused-" + tag : "line-" + i + "-" + tag;
            line(body, "{\"id\":\"" + id + "\",\"body\":\"Article " + i + " of batch " + tag
                    + " on Pakistan and Turkey.\"}");
        }

        List<JsonNode> results = batch(body.toByteArray(), "application/x-ndjson");

        assertThat(results).hasSize(251);
        assertThat(results.subList(0, 250)).extracting(r -> r.get("line").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 250).boxed().toList());
        assertThat(results.get(149).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(149).get("type").asText()).isEqualTo("urn:dyad:problem:idempotency-key-reused");
        assertThat(results.subList(0, 250)).filteredOn(r -> r.get("line").asInt() != 150)
                .extracting(r -> r.get("status").asInt()).containsOnly(202);
        JsonNode summary = results.get(250);
        assertThat(summary.get("accepted").asInt()).isEqualTo(249);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void clientIdInABatchLineMakesTheLineIdempotent() throws IOException {
        String clientId = "wire-" + UUID.randomUUID();
        byte[] first = ("{\"id\":\"" + clientId + "\",\"body\":\"Azerbaijan hosted the drills. " + UUID.randomUUID() + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        String id = batch(first, "application/x-ndjson").get(0).get("id").asText();
        List<JsonNode> again = batch(first, "application/x-ndjson");

        assertThat(again.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(again.get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void rssItemsBecomeArticles() throws IOException {
        String feed = resource("feeds/rss.xml").replace("MARKER", UUID.randomUUID().toString());
        List<JsonNode> results = batch(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        assertThat(results).hasSize(3);
        assertThat(results.subList(0, 2)).extracting(r -> r.get("status").asInt()).containsExactly(202, 202);
        String id = results.get(0).get("id").asText();
        given().auth().oauth2(ArticleResourceTest.token("analyst")).when().get("/api/v1/articles/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("cleaned"));
    }

    @Test
    void atomEntriesBecomeArticles() throws IOException {
        String feed = resource("feeds/atom.xml").replace("MARKER", UUID.randomUUID().toString());
        List<JsonNode> results = batch(feed.getBytes(StandardCharsets.UTF_8), "application/atom+xml");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
        assertThat(results.get(1).get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void malformedFeedIsAProblem() {
        given().auth().oauth2(ArticleResourceTest.token("ingestor")).contentType("application/rss+xml")
                .body("<rss version=\"2.0\"><channel><item><title>unclosed")
                .when().post("/api/v1/articles/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dyad:problem:invalid-feed"));
    }

    @Test
    void feedWithAnExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&x;</title><description>d</description></item></channel></rss>";
        given().auth().oauth2(ArticleResourceTest.token("ingestor")).contentType("application/rss+xml").body(xxe)
                .when().post("/api/v1/articles/batch")
                .then().statusCode(400).body("type", equalTo("urn:dyad:problem:invalid-feed"));
    }

    @Test
    void nearDuplicatesInOneBatchJoinTheFirstCopysClusterWithinAChunkAndAcrossChunks() throws IOException {
        // a chunk is stored set-at-a-time: a copy must find an earlier line of its own chunk as well as a stored one
        java.util.Random random = new java.util.Random();
        String original = ArticleResourceTest.randomArticle(random, 200);
        String[] words = original.split(" ");
        words[30] = "syndicated";
        String sameChunkCopy = String.join(" ", words);
        words[150] = "edited";
        String laterChunkCopy = String.join(" ", words);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        line(body, "{\"body\":\"" + original + "\"}");
        line(body, "{\"body\":\"" + sameChunkCopy + "\"}");
        line(body, "{\"body\":\"" + original + "\"}"); // the exact text again, in the same chunk
        for (int i = 0; i < 120; i++) { // the next copy lands in the second chunk of 100 lines
            line(body, "{\"body\":\"" + ArticleResourceTest.randomArticle(random, 60) + "\"}");
        }
        line(body, "{\"body\":\"" + laterChunkCopy + "\"}");

        List<JsonNode> results = batch(body.toByteArray(), "application/x-ndjson");

        String originalId = results.get(0).get("id").asText();
        assertThat(results.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(2).get("id").asText()).isEqualTo(originalId);
        for (JsonNode copy : List.of(results.get(1), results.get(123))) {
            assertThat(copy.get("status").asInt()).isEqualTo(202);
            given().auth().oauth2(ArticleResourceTest.token("analyst"))
                    .when().get("/api/v1/articles/" + copy.get("id").asText() + "/status")
                    .then().statusCode(200)
                    .body("clusterId", equalTo(originalId))
                    .body("clusterSize", equalTo(3));
        }
        String unrelated = results.get(50).get("id").asText();
        given().auth().oauth2(ArticleResourceTest.token("analyst")).when().get("/api/v1/articles/" + unrelated + "/status")
                .then().statusCode(200).body("clusterId", equalTo(unrelated)).body("clusterSize", equalTo(1));
    }

    @Test
    void aStoredArticleHasEachOfItsBandKeysOnceInTheHashIndexAndItsTextsUncompressed() throws Exception {
        String article = ArticleResourceTest.randomArticle(new java.util.Random(), 400); // long enough to be toasted
        List<JsonNode> results = batch(("{\"body\":\"" + article + "\"}\n").getBytes(StandardCharsets.UTF_8),
                "application/x-ndjson");
        UUID id = UUID.fromString(results.get(0).get("id").asText());
        try (Connection c = dataSource.getConnection()) {
            // every band key of the article, each once (the insert has no ON CONFLICT to fall back on)
            assertThat(single(c, "select count(*) from article_band where article_id = ?", id)).isEqualTo(
                    String.valueOf(NearDuplicateDetector.BANDS));
            assertThat(single(c, "select count(distinct band_key) from article_band where article_id = ?", id))
                    .isEqualTo(String.valueOf(NearDuplicateDetector.BANDS));
            // V8: the keys are found through a hash index, and no B-tree is kept beside it
            assertThat(single(c, "select string_agg(am.amname, ',' order by am.amname) from pg_index i "
                    + "join pg_class x on x.oid = i.indexrelid join pg_am am on am.oid = x.relam "
                    + "where i.indrelid = 'article_band'::regclass and cast(? as uuid) is not null", id))
                    .isEqualTo("hash");
            // V7: both texts out of line and not compressed (pg_column_compression is null for such a value)
            assertThat(single(c, "select string_agg(attname || '=' || attstorage::text, ',' order by attname) "
                    + "from pg_attribute where attrelid = 'article'::regclass and attname in ('raw_text', 'text') "
                    + "and cast(? as uuid) is not null", id)).isEqualTo("raw_text=e,text=e");
            assertThat(single(c, "select coalesce(pg_column_compression(raw_text), 'none') || ','"
                    + " || coalesce(pg_column_compression(text), 'none') from article where id = ?", id))
                    .isEqualTo("none,none");
            assertThat(single(c, "select text from article where id = ?", id)).isEqualTo(article);
        }
    }

    private static String single(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(sql).isTrue();
                return r.getString(1);
            }
        }
    }

    @Test
    void batchNeedsTheIngestorRole() {
        given().auth().oauth2(ArticleResourceTest.token("analyst")).contentType("application/x-ndjson")
                .body("{\"body\":\"x\"}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles/batch")
                .then().statusCode(403);
    }

    private List<JsonNode> batch(byte[] body, String type) throws IOException {
        String answer = given().auth().oauth2(ArticleResourceTest.token("ingestor")).contentType(type).body(body)
                .when().post("/api/v1/articles/batch")
                .then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : answer.split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    private static void line(ByteArrayOutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BatchResourceTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
