package org.dyad.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query routes of the gateway (entities, relations, quotes, events, event dyads, the exports), with WireMock in
 * place of query-service.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(DownstreamsResource.class)
class QueryRoutesTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @InjectDownstreams
    Downstreams downstreams;

    @BeforeEach
    void resetDownstreams() {
        downstreams.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/entities?q=ishak%20dar&type=PERSON&limit=5",
            "/api/v1/entities/person%3Aishaq-dar?partners=10",
            "/api/v1/relations?a=country:PAK&b=country:RUS&from=2025-01-01",
            "/api/v1/relations?actor=country:PAK&type=COUNTRY",
            "/api/v1/quotes?speaker=person:marco-rubio&q=%22expanding+trade%22",
            "/api/v1/events?dyad=country:PAK,country:TUR&root=05&mode=occurred&from=2025-01-01&limit=5",
            "/api/v1/events?actor=country:PAK&quad=1&quad=2&cursor=abc.def",
            "/api/v1/events/dyads?actor=country:PAK&limit=10",
            "/api/v1/events/dyads/country%3APAK/country%3ATUR?from=2025-01-01",
            "/api/v1/events/dyads/country%3APAK/country%3ATUR/evidence?limit=2&evidence=5"})
    void analystReadIsForwardedWithItsWholeQueryStringAndToken(String pathAndQuery) {
        String token = Tokens.withRoles("analyst");
        String answer = "{\"answer\": \"from query-service\"}";
        downstreams.query().stubFor(get(urlEqualTo(pathAndQuery)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(answer)));

        given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().get(pathAndQuery)
                .then().statusCode(200)
                .contentType("application/json")
                .body(is(answer));

        downstreams.query().verify(1, getRequestedFor(urlEqualTo(pathAndQuery))
                .withHeader("Authorization", equalTo("Bearer " + token)));
        downstreams.ingest().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void problemOfQueryServicePassesThroughUnchanged() {
        String problem = "{\"type\": \"urn:dyad:problem:invalid-date-range\", \"status\": 400, \"parameter\": \"from\"}";
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/relations")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", PROBLEM_JSON).withBody(problem)));

        given().auth().oauth2(Tokens.withRoles("analyst"))
                .when().get("/api/v1/relations?a=country:PAK&b=country:TUR&from=2025-12-01&to=2025-01-01")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body(is(problem));
    }

    @Test
    void exportIsStreamedThroughWhole() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            lines.append("{\"id\":\"").append(i).append("\",\"title\":\"Pakistan and Turkiye sign a defence pact\"}\n");
        }
        String body = lines.toString();
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/search/export")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/x-ndjson")
                .withHeader("Content-Disposition", "attachment; filename=\"dyad-search.ndjson\"")
                .withBody(body)));

        String received = given().auth().oauth2(Tokens.withRoles("analyst")).urlEncodingEnabled(false)
                .when().get("/api/v1/search/export?entity=country:PAK&format=ndjson")
                .then().statusCode(200)
                .contentType("application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"dyad-search.ndjson\"")
                .extract().asString();

        assertThat(received).hasSize(body.length()).isEqualTo(body);
        downstreams.query().verify(1, getRequestedFor(urlEqualTo("/api/v1/search/export?entity=country:PAK&format=ndjson")));
    }

    @Test
    void eventExportIsStreamedThroughWholeInEveryFormat() {
        StringBuilder lines = new StringBuilder("key\tdate\tsentence_text\n");
        for (int i = 0; i < 40_000; i++) {
            lines.append(i).append("\t2025-07-09\tPakistan and Turkiye signed a \"defence\" pact\\tin Ankara\n");
        }
        String body = lines.toString();
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/events/export")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/tab-separated-values; charset=UTF-8")
                .withHeader("Content-Disposition", "attachment; filename=\"dyad-events.tsv\"")
                .withBody(body)));

        String received = given().auth().oauth2(Tokens.withRoles("analyst")).urlEncodingEnabled(false)
                .when().get("/api/v1/events/export?dyad=country:PAK,country:TUR&format=tsv")
                .then().statusCode(200)
                .contentType("text/tab-separated-values")
                .header("Content-Disposition", "attachment; filename=\"dyad-events.tsv\"")
                .extract().asString();

        assertThat(received).hasSize(body.length()).isEqualTo(body);
        downstreams.query().verify(1, getRequestedFor(urlEqualTo("/api/v1/events/export?dyad=country:PAK,country:TUR&format=tsv")));
    }

    @Test
    void problemOfAnEventQueryPassesThroughUnchanged() {
        String problem = "{\"type\": \"urn:dyad:problem:invalid-parameter\", \"status\": 400, \"parameter\": \"quad\"}";
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/events")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", PROBLEM_JSON).withBody(problem)));
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/events/export")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", PROBLEM_JSON).withBody(problem)));

        for (String path : List.of("/api/v1/events?quad=5", "/api/v1/events/export?quad=5&format=csv")) {
            given().auth().oauth2(Tokens.withRoles("analyst"))
                    .when().get(path)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body(is(problem));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/entities?q=dar", "/api/v1/entities/country:PAK", "/api/v1/relations?actor=country:PAK",
            "/api/v1/quotes?speaker=person:marco-rubio", "/api/v1/search/export?q=pakistan",
            "/api/v1/events?actor=country:PAK", "/api/v1/events/export?format=csv", "/api/v1/events/dyads",
            "/api/v1/events/dyads/country:PAK/country:TUR", "/api/v1/events/dyads/country:PAK/country:TUR/evidence"})
    void ingestorCannotReadAndNothingIsForwarded(String path) {
        given().auth().oauth2(Tokens.withRoles("ingestor"))
                .when().get(path)
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:dyad:problem:forbidden"));
        given().when().get(path)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON);
        downstreams.query().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unreachableQueryServiceDuringExportIsServiceUnavailableProblem() {
        downstreams.query().stop();
        try {
            for (String path : List.of("/api/v1/search/export?q=pakistan", "/api/v1/events/export?format=tsv")) {
                given().auth().oauth2(Tokens.withRoles("analyst"))
                        .when().get(path)
                        .then().statusCode(502)
                        .contentType(PROBLEM_JSON)
                        .body("type", is("urn:dyad:problem:service-unavailable"));
            }
        } finally {
            downstreams.query().start();
        }
    }

    @Test
    void openApiDocumentDescribesTheQueryRoutes() {
        Map<String, Object> paths = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().jsonPath().getMap("paths");

        assertThat(paths).containsKeys("/api/v1/entities", "/api/v1/entities/{id}", "/api/v1/relations",
                "/api/v1/quotes", "/api/v1/search/export", "/api/v1/events", "/api/v1/events/export",
                "/api/v1/events/dyads", "/api/v1/events/dyads/{source}/{target}",
                "/api/v1/events/dyads/{source}/{target}/evidence");
        assertThat(paths.get("/api/v1/relations").toString()).contains("summary", "example", "country:PAK");
        for (String events : List.of("/api/v1/events", "/api/v1/events/export", "/api/v1/events/dyads",
                "/api/v1/events/dyads/{source}/{target}", "/api/v1/events/dyads/{source}/{target}/evidence")) {
            assertThat(paths.get(events).toString()).as(events).contains("summary", "example", "country:PAK");
        }
        assertThat(paths.get("/api/v1/events/export").toString()).contains("text/csv", "sentence_text", "independent_sources");
    }
}
