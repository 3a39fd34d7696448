package org.dyad.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway as callers see it, with WireMock servers in place of ingest-service and query-service. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(DownstreamsResource.class)
class GatewayTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    // RestAssured would otherwise append its own charset to the Content-Type it sends.
    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @InjectDownstreams
    Downstreams downstreams;

    @BeforeEach
    void resetDownstreams() {
        downstreams.reset();
    }

    @Test
    void requestWithoutTokenIsUnauthorizedProblem() {
        given().when().get("/api/v1/search?q=pakistan")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", is("urn:dyad:problem:unauthorized"));
        downstreams.query().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void analystCannotSubmitArticles() {
        given().auth().oauth2(Tokens.withRoles("analyst"))
                .contentType("application/json").body("{\"body\": \"Pakistan and Turkiye.\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:dyad:problem:forbidden"));
        downstreams.ingest().verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "text/plain; charset=UTF-8"})
    void ingestorSubmissionIsForwardedAndTheAnswerReturnedAsIs(String contentType) {
        String token = Tokens.withRoles("ingestor");
        byte[] body = (contentType.startsWith("text/plain")
                ? " date 2025-05-08\nTürkiye and Pakistan signed a defence agreement."
                : "{\"title\": \"Pact\", \"body\": \"Türkiye and Pakistan signed a defence agreement.\"}")
                .getBytes(StandardCharsets.UTF_8);
        String location = "http://127.0.0.1:8081/api/v1/articles/0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f/status";
        String answer = "{\"id\": \"0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f\", \"status\": \"RECEIVED\"}";
        downstreams.ingest().stubFor(post("/api/v1/articles").willReturn(aResponse()
                .withStatus(202)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Location", location)
                .withBody(answer)));

        Response response = given().config(AS_GIVEN).auth().oauth2(token)
                .contentType(contentType).body(body)
                .when().post("/api/v1/articles");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo(location);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.body().asString()).isEqualTo(answer);
        downstreams.ingest().verify(1, postRequestedFor(urlEqualTo("/api/v1/articles"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Content-Type", equalTo(contentType))
                .withRequestBody(binaryEqualTo(body)));
    }

    @Test
    void ndjsonBatchIsForwardedToIngestWithItsResultsStreamedBack() {
        String lines = "{\"body\": \"Pakistan and Turkiye.\"}\n{\"body\": \"Russia.\"}\n";
        String results = "{\"line\":1,\"status\":202}\n{\"line\":2,\"status\":202}\n{\"summary\":true}\n";
        downstreams.ingest().stubFor(post("/api/v1/articles/batch").willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/x-ndjson").withBody(results)));

        given().auth().oauth2(Tokens.withRoles("ingestor")).contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles/batch")
                .then().statusCode(200).contentType("application/x-ndjson").body(is(results));
        downstreams.ingest().verify(1, postRequestedFor(urlEqualTo("/api/v1/articles/batch"))
                .withRequestBody(equalTo(lines)));
    }

    @Test
    void reprocessIsForAdminsAndForwardedToIngestWithItsAnswer() {
        String request = "{\"pipelineVersionNot\":\"corenlp-4.5.10+dyad.2\"}";
        downstreams.ingest().stubFor(post("/api/v1/admin/reprocess").willReturn(aResponse()
                .withStatus(202).withHeader("Content-Type", "application/json").withBody("{\"queued\":3,\"remaining\":0}")));

        given().auth().oauth2(Tokens.withRoles("analyst", "ingestor")).contentType("application/json").body(request)
                .when().post("/api/v1/admin/reprocess")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.withRoles("admin")).contentType("application/json")
                .body("{\"ids\":[\"" + "x".repeat(300 * 1024) + "\"]}")
                .when().post("/api/v1/admin/reprocess")
                .then().statusCode(413).body("type", is("urn:dyad:problem:body-too-large"));
        downstreams.ingest().verify(0, postRequestedFor(urlEqualTo("/api/v1/admin/reprocess")));

        given().auth().oauth2(Tokens.withRoles("admin")).contentType("application/json").body(request)
                .when().post("/api/v1/admin/reprocess")
                .then().statusCode(202).body("queued", is(3)).body("remaining", is(0));
        downstreams.ingest().verify(1, postRequestedFor(urlEqualTo("/api/v1/admin/reprocess"))
                .withRequestBody(equalTo(request)));
    }

    @Test
    void unsupportedMediaTypeIsProblemAndNotForwarded() {
        given().auth().oauth2(Tokens.withRoles("ingestor"))
                .contentType("application/pdf").body(new byte[] {37, 80, 68, 70})
                .when().post("/api/v1/articles")
                .then().statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:dyad:problem:unsupported-media-type"));
        downstreams.ingest().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void bodyOverTwoMegabytesIsRefusedAndNotForwarded() {
        byte[] body = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) 'a');
        given().auth().oauth2(Tokens.withRoles("ingestor"))
                .contentType("text/plain").body(body)
                .when().post("/api/v1/articles")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", is("urn:dyad:problem:article-too-large"));
        downstreams.ingest().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void analystSearchForwardsTheWholeQueryString() {
        String token = Tokens.withRoles("analyst");
        String query = "q=%22defence+agreement%22%20-russia&limit=5&facet=country";
        String answer = "{\"query\": \"\\\"defence agreement\\\" -russia\", \"total\": 0, \"results\": []}";
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/search")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(answer)));

        given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().get("/api/v1/search?" + query)
                .then().statusCode(200)
                .contentType("application/json")
                .body(is(answer));

        downstreams.query().verify(1, getRequestedFor(urlEqualTo("/api/v1/search?" + query))
                .withHeader("Authorization", equalTo("Bearer " + token)));
        downstreams.ingest().verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingestor", "analyst"})
    void articleStatusIsForwardedToIngestService(String role) {
        String path = "/api/v1/articles/0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f/status";
        downstreams.ingest().stubFor(get(path).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"status\": \"ENRICHED\"}")));

        given().auth().oauth2(Tokens.withRoles(role))
                .when().get(path)
                .then().statusCode(200)
                .body("status", is("ENRICHED"));
        downstreams.ingest().verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void articleIsReadFromQueryServiceAndItsProblemsPassThroughUnchanged() {
        String path = "/api/v1/articles/0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f";
        String problem = "{\"type\": \"urn:dyad:problem:not-found\", \"status\": 404, \"title\": \"Article not found\"}";
        downstreams.query().stubFor(get(path).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", PROBLEM_JSON).withBody(problem)));

        given().auth().oauth2(Tokens.withRoles("analyst"))
                .when().get(path)
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body(is(problem));
        downstreams.query().verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void ingestorCannotReadEnrichedArticles() {
        given().auth().oauth2(Tokens.withRoles("ingestor"))
                .when().get("/api/v1/articles/0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON);
        downstreams.query().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unreachableServiceIsServiceUnavailableProblem() {
        downstreams.query().stop();
        try {
            given().auth().oauth2(Tokens.withRoles("analyst"))
                    .when().get("/api/v1/search?q=pakistan")
                    .then().statusCode(502)
                    .contentType(PROBLEM_JSON)
                    .body("type", is("urn:dyad:problem:service-unavailable"))
                    .body("detail", containsString("query-service"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("at java.")));
        } finally {
            downstreams.query().start();
        }
    }

    @Test
    void slowServiceIsGatewayTimeoutProblem() {
        // Longer than the test profile's request timeout (3 s).
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/search")).willReturn(aResponse()
                .withStatus(200).withFixedDelay(8_000).withBody("{}")));

        given().auth().oauth2(Tokens.withRoles("analyst"))
                .when().get("/api/v1/search?q=pakistan")
                .then().statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:dyad:problem:gateway-timeout"));
    }

    @Test
    void openApiDocumentShowsThePublicApi() {
        Map<String, Object> paths = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().jsonPath().getMap("paths");

        assertThat(paths).containsOnlyKeys("/api/v1/articles", "/api/v1/articles/batch", "/api/v1/articles/{id}",
                "/api/v1/articles/{id}/status", "/api/v1/search", "/api/v1/admin/audit", "/api/v1/admin/reprocess",
                "/api/v1/search/export",
                "/api/v1/entities", "/api/v1/entities/{id}", "/api/v1/relations", "/api/v1/quotes", "/api/v1/events",
                "/api/v1/events/export", "/api/v1/events/dyads", "/api/v1/events/dyads/{source}/{target}",
                "/api/v1/events/dyads/{source}/{target}/evidence");
    }

    @Test
    void clientOverItsRateLimitGets429WithRetryAfterAndRecovers() throws InterruptedException {
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/search"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String token = Tokens.forClient("rate-probe", "analyst");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/search?q=x").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(token).when().get("/api/v1/search?q=x");
        refused.then().statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:dyad:problem:rate-limited"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 2);
        // another client's bucket is its own
        given().auth().oauth2(Tokens.withRoles("analyst")).when().get("/api/v1/search?q=x").then().statusCode(200);

        Thread.sleep(retryAfter * 1000L + 200);
        given().auth().oauth2(token).when().get("/api/v1/search?q=x").then().statusCode(200);
    }

    @Test
    void everyResponseCarriesARequestIdThatTheServiceReceivedToo() {
        downstreams.query().stubFor(get(urlPathEqualTo("/api/v1/search"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String generated = given().auth().oauth2(Tokens.withRoles("analyst")).when().get("/api/v1/search?q=a")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        downstreams.query().verify(getRequestedFor(urlPathEqualTo("/api/v1/search"))
                .withHeader("X-Request-Id", equalTo(generated)));

        given().auth().oauth2(Tokens.withRoles("analyst")).header("X-Request-Id", "client-chosen.42")
                .when().get("/api/v1/search?q=b")
                .then().statusCode(200).header("X-Request-Id", is("client-chosen.42"));
        String forged = given().auth().oauth2(Tokens.withRoles("analyst"))
                .header("X-Request-Id", "bad id\r\nSet-Cookie: x")
                .when().get("/api/v1/search?q=c")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(forged).matches("[0-9a-f-]{36}");
        // problem answers too
        given().when().get("/api/v1/search?q=d").then().statusCode(401).header("X-Request-Id", not(is((String) null)));
    }

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        given().when().get("/api/v1/search?q=x")
                .then().statusCode(401)
                .header("X-Content-Type-Options", is("nosniff"))
                .header("X-Frame-Options", is("DENY"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", is("no-store"));
    }

    @Test
    void corsPreflightAllowsOnlyTheConfiguredOrigin() {
        given().header("Origin", "http://127.0.0.1:8080").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/search")
                .then().header("Access-Control-Allow-Origin", is("http://127.0.0.1:8080"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/search")
                .then().header("Access-Control-Allow-Origin", not(is("https://evil.example")));
    }

    @Test
    void swaggerUiAndMetricsAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().auth().oauth2(Tokens.withRoles("analyst")).when().get("/api/v1/search?q=m");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void readinessIncludesTheIdentityProvider() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'keycloak' }.status", is("UP"));
    }

    @Test
    void tokenWithAWrongIssuerIsRefusedThoughItsSignatureIsGenuine() {
        String token = io.smallrye.jwt.build.Jwt.preferredUserName("alice").groups(java.util.Set.of("analyst"))
                .audience("dyad-api").issuer("https://evil.example/realms/dyad").sign();
        given().auth().oauth2(token).when().get("/api/v1/search?q=x")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        String wrongAudience = io.smallrye.jwt.build.Jwt.preferredUserName("alice").groups(java.util.Set.of("analyst"))
                .audience("another-api").issuer("https://server.example.com").sign();
        given().auth().oauth2(wrongAudience).when().get("/api/v1/search?q=x").then().statusCode(401);
        downstreams.query().verify(0, anyRequestedFor(anyUrl()));
    }
}
