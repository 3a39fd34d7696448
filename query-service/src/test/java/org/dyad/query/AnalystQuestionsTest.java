package org.dyad.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The analyst's questions of the issue, answered from fully annotated articles: which articles name Pakistan and
 * Turkey together, who Ishaq Dar is and whom he appears with, how often Pakistan and Russia appear together by
 * month, what Rubio said.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AnalystQuestionsTest extends EnrichedArticlesTestBase {

    @Test
    void articleDetailCarriesEveryAnnotationWithOffsetsIntoTheText() {
        UUID id = UUID.randomUUID();
        ArticleEnriched event = world.turkeyVisit(id, LocalDate.of(2025, 7, 9), Instant.now(), "v1");
        articles.publish(event);

        JsonPath a = awaitArticle(id, "v1");

        String text = a.getString("text");
        assertThat(a.getList("sentences")).hasSize(4);
        for (Map<String, Object> s : a.<Map<String, Object>>getList("sentences")) {
            assertThat(text.substring((Integer) s.get("start"), (Integer) s.get("end"))).endsWith(".");
        }
        assertThat(a.getList("entities.entityId")).containsExactly(world.id("person:hakan-fidan"),
                world.id("location:islamabad"), world.id("country:PAK"), world.id("person:ishaq-dar"),
                world.id("country:TUR"));
        assertThat(a.getString("entities[0].country")).isEqualTo("TUR");
        assertThat(a.getString("quotes[0].speakerName")).isEqualTo("Hakan Fidan");
        int qs = a.getInt("quotes[0].start");
        int qe = a.getInt("quotes[0].end");
        assertThat(text.substring(qs, qe)).isEqualTo("Pakistan is a brother nation and our ties will deepen");
        assertThat(text.substring(a.getInt("amounts[0].start"), a.getInt("amounts[0].end"))).isEqualTo("$5 billion");
        assertThat(a.getDouble("amounts[0].value")).isEqualTo(5.0e9);
        assertThat(a.getString("dates[0].value")).isEqualTo("2025-07-09");
        assertThat(a.getList("topics.topic")).containsExactly("defence", "diplomacy", "energy");
        assertThat(a.getDouble("tone")).isEqualTo(0.6);
        assertThat(a.getString("documentDate")).isEqualTo("2025-07-09");
        assertThat(a.getString("events[0].cameoCode")).isEqualTo("057");
        assertThat(a.getString("events[0].sources[0].entityId")).isEqualTo(world.id("country:PAK"));
        assertThat(a.getString("events[0].targets[0].entityId")).isEqualTo(world.id("country:TUR"));
        assertThat(text.substring(a.getInt("events[0].triggerStart"), a.getInt("events[0].triggerEnd"))).isEqualTo("signed");
    }

    @Test
    void reprocessedArticleReplacesItsAnnotationsAndCountsItOnce() {
        UUID id = UUID.randomUUID();
        Instant first = Instant.now();
        ArticleEnriched v1 = world.turkeyVisit(id, LocalDate.of(2025, 7, 9), first, "v1");
        // v2 moves the article to another month: the counters must follow, not add up
        ArticleEnriched v2 = world.turkeyVisit(id, LocalDate.of(2025, 8, 2), first.plusSeconds(5), "v2");
        articles.publish(v1, v1, v2, v1);

        JsonPath a = awaitArticle(id, "v2");
        assertThat(a.getList("quotes")).hasSize(1);
        assertThat(a.getList("events")).hasSize(1);
        assertThat(a.getList("entities[0].mentions")).hasSize(3);

        JsonPath dar = profile(world.id("person:ishaq-dar"));
        assertThat(dar.getInt("articles")).isEqualTo(1);
        assertThat(dar.getInt("mentions")).isEqualTo(1);
        assertThat(dar.getList("timeline.month")).containsExactly("2025-08-01");
        JsonPath pair = relation(world.id("country:PAK"), world.id("country:TUR"));
        assertThat(pair.getInt("counts.articles")).isEqualTo(1);
        assertThat(pair.getList("timeline.month")).containsExactly("2025-08-01");
        assertThat(pair.getList("topics.topic")).containsExactly("defence", "diplomacy");
    }

    @Test
    void whichArticlesNamePakistanAndTurkeyTogetherNewestFirst() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        UUID russia = UUID.randomUUID();
        articles.publish(world.turkeyVisit(older, LocalDate.of(2025, 5, 8), Instant.now(), "v1"));
        articles.publish(world.turkeyVisit(newer, LocalDate.of(2025, 7, 9), Instant.now(), "v1"));
        articles.publish(world.russiaTalks(russia, LocalDate.of(2025, 6, 12), Instant.now()));
        awaitArticle(russia, "v1");
        awaitArticle(older, "v1");
        awaitArticle(newer, "v1");

        JsonPath found = search().queryParam("entity", world.id("country:PAK"))
                .queryParam("entity", world.id("country:TUR"))
                .queryParam("facet", "entity").queryParam("facet", "topic").queryParam("facet", "country")
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();

        assertThat(found.getList("results.id")).containsExactly(newer.toString(), older.toString());
        assertThat(found.getLong("total")).isEqualTo(2);
        assertThat(facet(found, "entity", world.id("person:hakan-fidan"))).isEqualTo(2);
        assertThat(facet(found, "topic", "defence")).isEqualTo(2);
        assertThat(found.getList("facets.topic.value")).doesNotContain("energy");
        assertThat(facet(found, "country", "TUR")).isEqualTo(2);

        JsonPath inJune = search().queryParam("entity", world.id("country:PAK"))
                .queryParam("from", "2025-06-01").queryParam("to", "2025-06-30")
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(inJune.getList("results.id")).containsExactly(russia.toString());
    }

    @Test
    void cursorWalksTheWholeResultOnceInEitherSort() {
        List<UUID> ids = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            articles.publish(world.russiaTalks(id, LocalDate.of(2025, 3, day), Instant.now()));
        }
        ids.forEach(id -> awaitArticle(id, "v1"));

        for (String sort : List.of("date", "relevance")) {
            List<Object> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                RequestSpecification request = search().queryParam("q", "gas pipeline")
                        .queryParam("entity", world.id("country:RUS")).queryParam("sort", sort).queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
                assertThat(page.getLong("total")).isEqualTo(5);
                seen.addAll(page.getList("results.id"));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
            if (sort.equals("date")) {
                assertThat(seen).containsExactlyElementsOf(ids.reversed().stream().map(UUID::toString).toList());
            }
        }
    }

    @Test
    void whoIsIshaqDarAndWhomDoesHeAppearWith() {
        UUID visit = UUID.randomUUID();
        UUID talks = UUID.randomUUID();
        UUID rubio = UUID.randomUUID();
        articles.publish(world.turkeyVisit(visit, LocalDate.of(2025, 7, 9), Instant.now(), "v1"));
        articles.publish(world.russiaTalks(talks, LocalDate.of(2025, 6, 12), Instant.now()));
        articles.publish(world.rubioTrade(rubio, LocalDate.of(2025, 7, 30), Instant.now()));
        List.of(visit, talks, rubio).forEach(id -> awaitArticle(id, "v1"));

        JsonPath lookup = given().auth().oauth2(Tokens.analyst()).queryParam("q", "ishak dar")
                .queryParam("type", "PERSON").queryParam("limit", 50)
                .get("/api/v1/entities").then().statusCode(200).extract().jsonPath();
        assertThat(lookup.getList("entities.id")).contains(world.id("person:ishaq-dar"));
        assertThat(lookup.getString("entities[0].name")).isEqualTo("Ishaq Dar");
        JsonPath prefix = given().auth().oauth2(Tokens.analyst()).queryParam("q", "turk").queryParam("limit", 50)
                .get("/api/v1/entities").then().statusCode(200).extract().jsonPath();
        assertThat(prefix.getList("entities.id")).contains(world.id("country:TUR"));

        JsonPath dar = profile(world.id("person:ishaq-dar"));
        assertThat(dar.getString("name")).isEqualTo("Ishaq Dar");
        assertThat(dar.getString("type")).isEqualTo("PERSON");
        assertThat(dar.getString("country")).isEqualTo("PAK");
        assertThat(dar.getList("roles.title")).containsExactly("Finance Minister", "Foreign Minister");
        assertThat(dar.getString("roles[0].to")).isEqualTo("2023-08-14");
        assertThat(dar.getInt("articles")).isEqualTo(3);
        assertThat(dar.getInt("mentions")).isEqualTo(3);
        assertThat(dar.getList("timeline.month")).containsExactly("2025-06-01", "2025-07-01");
        assertThat(dar.getList("timeline.articles")).containsExactly(1, 2);
        assertThat(dar.getString("cooccurring[0].id")).isEqualTo(world.id("country:PAK"));
        assertThat(dar.getInt("cooccurring[0].articles")).isEqualTo(3);
        assertThat(dar.getList("cooccurring.id")).contains(world.id("person:hakan-fidan"),
                world.id("person:sergey-lavrov"), world.id("person:marco-rubio"));
        Map<String, Object> lavrov = dar.<Map<String, Object>>getList("cooccurring").stream()
                .filter(p -> p.get("id").equals(world.id("person:sergey-lavrov"))).findFirst().orElseThrow();
        assertThat(lavrov.get("sameSentences")).isEqualTo(1);
    }

    @Test
    void howOftenPakistanAndRussiaAppearTogetherByMonth() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        articles.publish(world.russiaTalks(ids.get(0), LocalDate.of(2025, 5, 3), Instant.now()));
        articles.publish(world.russiaTalks(ids.get(1), LocalDate.of(2025, 5, 20), Instant.now()));
        articles.publish(world.russiaTalks(ids.get(2), LocalDate.of(2025, 7, 1), Instant.now()));
        UUID other = UUID.randomUUID();
        articles.publish(world.turkeyVisit(other, LocalDate.of(2025, 5, 9), Instant.now(), "v1"));
        ids.forEach(id -> awaitArticle(id, "v1"));
        awaitArticle(other, "v1");

        // asked either way round
        JsonPath pair = relation(world.id("country:RUS"), world.id("country:PAK"));
        assertThat(pair.getString("a.name")).isEqualTo("Russia");
        assertThat(pair.getInt("counts.articles")).isEqualTo(3);
        assertThat(pair.getInt("counts.sameSentenceArticles")).isEqualTo(3);
        assertThat(pair.getList("timeline.month")).containsExactly("2025-05-01", "2025-07-01");
        assertThat(pair.getList("timeline.articles")).containsExactly(2, 1);
        assertThat(pair.getList("topics.topic")).containsExactly("diplomacy", "energy");
        assertThat(pair.getList("topics.articles")).containsExactly(3, 3);
        assertThat(pair.getString("evidence[0].articleId")).isEqualTo(ids.get(2).toString());
        assertThat(pair.getString("evidence[0].sentences[0].text"))
                .isEqualTo("Pakistan and Russia held talks on energy cooperation in Moscow.");

        JsonPath may = given().auth().oauth2(Tokens.analyst()).queryParam("a", world.id("country:PAK"))
                .queryParam("b", world.id("country:RUS")).queryParam("from", "2025-05-01").queryParam("to", "2025-05-31")
                .get("/api/v1/relations").then().statusCode(200).extract().jsonPath();
        assertThat(may.getInt("counts.articles")).isEqualTo(2);
        assertThat(may.getList("evidence")).hasSize(2);

        JsonPath partners = given().auth().oauth2(Tokens.analyst()).queryParam("actor", world.id("country:PAK"))
                .queryParam("type", "COUNTRY").get("/api/v1/relations").then().statusCode(200).extract().jsonPath();
        assertThat(partners.getList("partners.id")).containsExactly(world.id("country:RUS"), world.id("country:TUR"));
        assertThat(partners.getList("partners.articles")).containsExactly(3, 1);
    }

    @Test
    void whatDidRubioSay() {
        UUID id = UUID.randomUUID();
        articles.publish(world.rubioTrade(id, LocalDate.of(2025, 7, 30), Instant.now()));
        articles.publish(world.turkeyVisit(UUID.randomUUID(), LocalDate.of(2025, 7, 9), Instant.now(), "v1"));
        awaitArticle(id, "v1");

        JsonPath said = given().auth().oauth2(Tokens.analyst()).queryParam("speaker", world.id("person:marco-rubio"))
                .get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
        assertThat(said.getList("quotes.text")).containsExactly("we look forward to expanding trade with Pakistan");
        assertThat(said.getString("quotes[0].articleId")).isEqualTo(id.toString());
        assertThat(said.getString("quotes[0].speakerName")).isEqualTo("Marco Rubio");

        JsonPath byWords = await().atMost(CONSUMED_WITHIN).until(() -> given().auth().oauth2(Tokens.analyst())
                .queryParam("q", "brother nation").queryParam("speaker", world.id("person:hakan-fidan"))
                .get("/api/v1/quotes").then().statusCode(200).extract().jsonPath(), j -> !j.getList("quotes").isEmpty());
        assertThat(byWords.getString("quotes[0].speakerId")).isEqualTo(world.id("person:hakan-fidan"));
    }

    @Test
    void exportStreamsTheWholeResultAsNdjsonAndCsv() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            articles.publish(world.turkeyVisit(id, LocalDate.of(2025, 4, day), Instant.now(), "v1"));
        }
        ids.forEach(id -> awaitArticle(id, "v1"));

        String ndjson = given().auth().oauth2(Tokens.analyst()).queryParam("entity", world.id("person:hakan-fidan"))
                .get("/api/v1/search/export").then().statusCode(200).header("Content-Type", startsWith("application/x-ndjson"))
                .extract().asString();
        List<String> lines = ndjson.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(mapper.readTree(lines.get(0)).get("id").asText()).isEqualTo(ids.get(2).toString());
        assertThat(mapper.readTree(lines.get(0)).get("entities").toString()).contains(world.id("country:TUR"));

        String csv = given().auth().oauth2(Tokens.analyst()).queryParam("entity", world.id("person:hakan-fidan"))
                .queryParam("format", "csv").get("/api/v1/search/export").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv")).extract().asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("id,date,title,source,url,language,rank,entities,topics");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3)).startsWith(ids.get(0) + ",2025-04-01,Pakistan and Turkiye deepen strategic ties,dawn.com,");
    }

    private static long facet(JsonPath found, String facet, String value) {
        return found.<Map<String, Object>>getList("facets." + facet).stream()
                .filter(f -> value.equals(f.get("value")))
                .mapToLong(f -> ((Number) f.get("count")).longValue()).findFirst().orElse(0);
    }

    private static RequestSpecification search() {
        return given().auth().oauth2(Tokens.analyst());
    }

    private static JsonPath profile(String id) {
        return given().auth().oauth2(Tokens.analyst()).get("/api/v1/entities/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath relation(String a, String b) {
        return given().auth().oauth2(Tokens.analyst()).queryParam("a", a).queryParam("b", b)
                .get("/api/v1/relations").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitArticle(UUID id, String pipelineVersion) {
        return await().atMost(CONSUMED_WITHIN).until(() -> given().auth().oauth2(Tokens.analyst())
                        .when().get("/api/v1/articles/{id}", id)
                        .then().extract(),
                response -> response.statusCode() == 200
                        && pipelineVersion.equals(response.jsonPath().getString("pipelineVersion")))
                .jsonPath();
    }
}
