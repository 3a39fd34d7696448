package org.dyad.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Input an analyst's program can get wrong, or send on purpose: always a 400 problem, never a 500 or a changed database. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class BadInputTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    // every parameter of every read endpoint
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "/api/v1/search", List.of("q", "entity", "country", "type", "topic", "source", "language", "from", "to",
                    "sort", "limit", "cursor", "facet"),
            "/api/v1/search/export", List.of("q", "entity", "country", "type", "topic", "source", "language", "from",
                    "to", "sort", "format"),
            "/api/v1/entities", List.of("q", "type", "country", "limit"),
            "/api/v1/relations", List.of("a", "b", "actor", "type", "from", "to", "evidence", "limit"),
            "/api/v1/quotes", List.of("speaker", "q", "limit", "cursor"),
            "/api/v1/events", List.of("actor", "target", "dyad", "code", "root", "quad", "plover", "mode", "from", "to",
                    "limit", "cursor", "evidence"),
            "/api/v1/events/export", List.of("actor", "target", "dyad", "code", "root", "quad", "plover", "mode", "from",
                    "to", "format"),
            "/api/v1/events/dyads", List.of("actor", "target", "dyad", "code", "root", "quad", "plover", "mode", "from",
                    "to", "limit"),
            "/api/v1/events/dyads/country:pakistan/country:turkiye", List.of("code", "root", "quad", "plover", "mode",
                    "from", "to"),
            "/api/v1/events/dyads/country:pakistan/country:turkiye/evidence", List.of("code", "root", "quad", "plover",
                    "mode", "from", "to", "limit", "cursor", "evidence"));

    private static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE article; --",
            "country:PAK' OR '1'='1",
            "1; DELETE FROM entity",
            "\") OR 1=1 --",
            "%' UNION SELECT id, text FROM article --",
            "$$; TRUNCATE quote; $$");

    @Inject
    ObjectMapper mapper;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/search?q=pakistan&colour=red | unknown-parameter | colour",
            "/api/v1/search?q=%22defence | invalid-query | q",
            "/api/v1/search?q=the | invalid-query | q",
            "/api/v1/search?q=pakistan&from=2025-07-01&to=2025-06-01 | invalid-date-range | from",
            "/api/v1/search?q=pakistan&from=2025-02-30 | invalid-query | from",
            "/api/v1/search?q=pakistan&to=yesterday | invalid-query | to",
            "/api/v1/search?q=pakistan&limit=1000 | invalid-query | limit",
            "/api/v1/search?q=pakistan&cursor=bm90IGEgY3Vyc29y.AAAA | invalid-cursor | cursor",
            "/api/v1/search?q=pakistan&cursor=garbage | invalid-cursor | cursor",
            "/api/v1/search?q=pakistan&sort=popularity | invalid-query | sort",
            "/api/v1/search?entity=country:PAK&sort=relevance | invalid-query | sort",
            "/api/v1/search?q=pakistan&facet=colour | invalid-query | facet",
            "/api/v1/search?country=PAKISTAN | invalid-query | country",
            "/api/v1/search/export?q=pakistan&format=xlsx | invalid-query | format",
            "/api/v1/search/export?q=pakistan&limit=10 | unknown-parameter | limit",
            "/api/v1/entities?q=dar&limit=0 | invalid-parameter | limit",
            "/api/v1/entities?name=dar | unknown-parameter | name",
            "/api/v1/entities/not-an-id | invalid-id | id",
            "/api/v1/relations?a=country:PAK | invalid-parameter | b",
            "/api/v1/relations?a=country:PAK&b=country:PAK | invalid-parameter | b",
            "/api/v1/relations?a=country:PAK&b=country:TUR&from=2025-12-01&to=2025-01-01 | invalid-date-range | from",
            "/api/v1/relations?actor=country:PAK&evidence=500 | invalid-parameter | evidence",
            "/api/v1/quotes?limit=-3 | invalid-parameter | limit",
            "/api/v1/quotes?speaker=rubio | invalid-parameter | speaker",
            "/api/v1/events?colour=red | unknown-parameter | colour",
            "/api/v1/events?actor=PAK | invalid-parameter | actor",
            "/api/v1/events?target=country: | invalid-parameter | target",
            "/api/v1/events?dyad=country:PAK | invalid-parameter | dyad",
            "/api/v1/events?dyad=country:PAK,country:PAK | invalid-parameter | dyad",
            "/api/v1/events?dyad=country:PAK,country:TUR,country:RUS | invalid-parameter | dyad",
            "/api/v1/events?code=57 | invalid-parameter | code",
            "/api/v1/events?code=2101 | invalid-parameter | code",
            "/api/v1/events?code=057&root=05 | invalid-parameter | root",
            "/api/v1/events?root=21 | invalid-parameter | root",
            "/api/v1/events?quad=5 | invalid-parameter | quad",
            "/api/v1/events?plover=HUG | invalid-parameter | plover",
            "/api/v1/events?mode=rumoured | invalid-parameter | mode",
            "/api/v1/events?from=2025-07-01&to=2025-06-01 | invalid-date-range | from",
            "/api/v1/events?from=2025-02-30 | invalid-parameter | from",
            "/api/v1/events?limit=0 | invalid-parameter | limit",
            "/api/v1/events?evidence=51 | invalid-parameter | evidence",
            "/api/v1/events?cursor=garbage | invalid-cursor | cursor",
            "/api/v1/events?cursor=bm90IGEgY3Vyc29y.AAAA | invalid-cursor | cursor",
            "/api/v1/events/export?format=xlsx | invalid-parameter | format",
            "/api/v1/events/export?limit=10 | unknown-parameter | limit",
            "/api/v1/events/dyads?limit=201 | invalid-parameter | limit",
            "/api/v1/events/dyads?cursor=x | unknown-parameter | cursor",
            "/api/v1/events/dyads/PAK/country:TUR | invalid-id | source",
            "/api/v1/events/dyads/country:PAK/TUR | invalid-id | target",
            "/api/v1/events/dyads/country:PAK/country:PAK | invalid-parameter | target",
            "/api/v1/events/dyads/country:PAK/country:TUR?actor=country:PAK | unknown-parameter | actor",
            "/api/v1/events/dyads/country:PAK/country:TUR?to=2025-13-01 | invalid-parameter | to",
            "/api/v1/events/dyads/country:PAK/country:TUR/evidence?evidence=0 | invalid-parameter | evidence",
            "/api/v1/events/dyads/country:PAK/country:TUR/evidence?dyad=country:PAK,country:TUR | unknown-parameter | dyad",
    })
    void badRequestIsProblemNamingTheParameter(String path, String type, String parameter) {
        given().auth().oauth2(Tokens.analyst()).urlEncodingEnabled(false)
                .when().get(path)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:" + type))
                .body("parameter", equalTo(parameter))
                .body(not(containsString("Exception")))
                .body(not(containsString("SQL")));
    }

    @Test
    void cursorOfOneSearchIsRefusedByAnother() {
        String word = EnrichedArticles.uniqueWord();
        publishAndAwait(word, 3);
        String cursor = given().auth().oauth2(Tokens.analyst()).queryParam("q", word).queryParam("limit", 1)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getString("nextCursor");
        assertThat(cursor).isNotNull();

        given().auth().oauth2(Tokens.analyst()).queryParam("q", word + " -ankara").queryParam("cursor", cursor)
                .get("/api/v1/search").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-cursor"));
        // one character changed
        String edited = cursor.substring(0, 2) + (cursor.charAt(2) == 'A' ? 'B' : 'A') + cursor.substring(3);
        given().auth().oauth2(Tokens.analyst()).queryParam("q", word).queryParam("cursor", edited)
                .get("/api/v1/search").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-cursor"));
    }

    @Test
    void sqlInjectionInEveryParameterIsHarmless() {
        String word = EnrichedArticles.uniqueWord();
        UUID id = publishAndAwait(word, 1);
        long articlesBefore = total(word);

        for (Map.Entry<String, List<String>> endpoint : PARAMETERS.entrySet()) {
            for (String parameter : endpoint.getValue()) {
                for (String attack : INJECTIONS) {
                    Response response = given().auth().oauth2(Tokens.analyst())
                            .queryParam(parameter, attack)
                            // a valid companion, so that the attack reaches the query and not only the "nothing given" check
                            .queryParams(companion(endpoint.getKey(), parameter))
                            .get(endpoint.getKey());
                    assertThat(response.statusCode()).as("%s %s=%s", endpoint.getKey(), parameter, attack).isIn(200, 400, 404);
                    assertThat(response.asString()).doesNotContain("Exception").doesNotContain("PSQLException");
                }
            }
            for (String attack : INJECTIONS) {
                String path = endpoint.getKey().equals("/api/v1/entities") ? "/api/v1/entities/{id}" : null;
                if (path != null) {
                    assertThat(given().auth().oauth2(Tokens.analyst()).get(path, attack).statusCode()).isIn(400, 404);
                }
            }
        }
        assertThat(given().auth().oauth2(Tokens.analyst()).get("/api/v1/articles/{id}", "'; DROP TABLE article; --")
                .statusCode()).isEqualTo(400);

        assertThat(total(word)).isEqualTo(articlesBefore);
        given().auth().oauth2(Tokens.analyst()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("entities.size()", equalTo(4));
        given().auth().oauth2(Tokens.analyst()).get("/api/v1/entities/{id}", "person:hakan-fidan").then().statusCode(200);
    }

    private static Map<String, String> companion(String endpoint, String parameter) {
        return switch (endpoint) {
            case "/api/v1/search", "/api/v1/search/export" -> parameter.equals("q") ? Map.of() : Map.of("q", "pakistan");
            case "/api/v1/relations" -> parameter.equals("a") ? Map.of("b", "country:pakistan")
                    : parameter.equals("b") || parameter.equals("actor") ? Map.of("a", "country:pakistan")
                    : Map.of("a", "country:pakistan", "b", "country:turkiye");
            default -> Map.of();
        };
    }

    private UUID publishAndAwait(String word, int copies) {
        KafkaCompanion kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try {
            EnrichedArticles articles = new EnrichedArticles(kafka, mapper);
            UUID last = null;
            for (int i = 0; i < copies; i++) {
                last = UUID.randomUUID();
                articles.publish(EnrichedArticles.article(last, "Defence pact " + i, word, "v1", Instant.now()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> total(word) == copies);
            return last;
        } finally {
            kafka.close();
        }
    }

    private static long total(String word) {
        JsonPath found = given().auth().oauth2(Tokens.analyst()).queryParam("q", word)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        return found.getLong("total");
    }

}
