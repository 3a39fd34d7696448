package org.dyad.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import java.util.UUID;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What callers see when they are not allowed in or ask for something that cannot be answered. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ApiErrorsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/search?q=pakistan", "/api/v1/articles/3f2b8c1e-0d4a-4c6e-9b7a-2e5f1c8d9a10",
            "/api/v1/events?actor=country:PAK", "/api/v1/events/export?format=csv", "/api/v1/events/dyads",
            "/api/v1/events/dyads/country:PAK/country:TUR", "/api/v1/events/dyads/country:PAK/country:TUR/evidence"})
    void callWithoutTokenIsUnauthorizedProblem(String path) {
        given().when().get(path)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:dyad:problem:unauthorized"))
                .body("status", equalTo(401));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/search?q=pakistan", "/api/v1/articles/3f2b8c1e-0d4a-4c6e-9b7a-2e5f1c8d9a10",
            "/api/v1/events?actor=country:PAK", "/api/v1/events/export?format=csv", "/api/v1/events/dyads",
            "/api/v1/events/dyads/country:PAK/country:TUR", "/api/v1/events/dyads/country:PAK/country:TUR/evidence"})
    void ingestorWithoutAnalystRoleIsForbiddenProblem(String path) {
        given().auth().oauth2(Tokens.withRoles("ingestor"))
                .when().get(path)
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:forbidden"));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        String token = Jwt.preferredUserName("alice")
                .groups(Set.of("analyst"))
                .audience("another-api")
                .issuer("https://server.example.com")
                .sign();
        given().auth().oauth2(token)
                .when().get("/api/v1/search?q=pakistan")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:unauthorized"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "q=", "q=%20%20"})
    void missingOrBlankQueryIsInvalidQueryProblem(String query) {
        given().auth().oauth2(Tokens.analyst()).urlEncodingEnabled(false)
                .when().get(query.isEmpty() ? "/api/v1/search" : "/api/v1/search?" + query)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-query"))
                .body("parameter", equalTo("q"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten"})
    void limitOutsideOneToHundredIsInvalidQueryProblem(String limit) {
        given().auth().oauth2(Tokens.analyst())
                .queryParam("q", "pakistan").queryParam("limit", limit)
                .when().get("/api/v1/search")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-query"))
                .body("parameter", equalTo("limit"));
    }

    @Test
    void searchWithoutMatchesAnswersAnEmptyPage() {
        given().auth().oauth2(Tokens.analyst())
                .queryParam("q", "\"no such phrase anywhere\" -pakistan").queryParam("limit", "100")
                .when().get("/api/v1/search")
                .then().statusCode(200)
                .body("total", equalTo(0))
                .body("results.size()", equalTo(0));
    }

    @Test
    void unknownArticleIsNotFoundProblem() {
        given().auth().oauth2(Tokens.analyst())
                .when().get("/api/v1/articles/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", "3f2b8c1e-0d4a-4c6e-9b7a-2e5f1c8d9a1z"})
    void malformedArticleIdIsBadRequestProblem(String id) {
        given().auth().oauth2(Tokens.analyst())
                .when().get("/api/v1/articles/{id}", id)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-id"))
                .body(not(containsString("Exception")));
    }
}
