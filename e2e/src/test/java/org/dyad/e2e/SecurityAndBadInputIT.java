package org.dyad.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The front door refuses what it must, with problem details, and stores nothing from bad input. */
class SecurityAndBadInputIT {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void noTokenIsUnauthorized() {
        given().when().get(Platform.GATEWAY + "/api/v1/search?q=Fidan")
                .then().statusCode(401);
        given().contentType("text/plain").body("Some article.")
                .when().post(Platform.GATEWAY + "/api/v1/articles")
                .then().statusCode(401);
    }

    @Test
    void analystMayNotWriteArticles() {
        given().auth().oauth2(Platform.analystToken()).contentType("text/plain").body("Some article.")
                .when().post(Platform.GATEWAY + "/api/v1/articles")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void ingestorMayNotRead() {
        given().auth().oauth2(Platform.ingestorToken())
                .when().get(Platform.GATEWAY + "/api/v1/search?q=Fidan")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void servicesCalledDirectlyWithoutATokenRefuse() {
        given().contentType("text/plain").body("Some article.")
                .when().post(Platform.INGEST + "/api/v1/articles")
                .then().statusCode(401);
        given().when().get(Platform.QUERY + "/api/v1/search?q=Fidan")
                .then().statusCode(401);
    }

    @Test
    void badInputGetsProblemDetailsAndNothingIsStored() {
        String token = Platform.ingestorToken();
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "");

        given().auth().oauth2(token).contentType("text/plain").body("")
                .when().post(Platform.GATEWAY + "/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:dyad:problem:empty-body"));
        given().auth().oauth2(token).contentType("application/json").body("{\"body\": \"" + marker + " unterminated")
                .when().post(Platform.GATEWAY + "/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM).body("type", startsWith("urn:dyad:problem:"));
        given().auth().oauth2(token).contentType("application/xml").body("<body>" + marker + "</body>")
                .when().post(Platform.GATEWAY + "/api/v1/articles")
                .then().statusCode(415).contentType(PROBLEM);

        // a good article posted afterwards shows the pipeline has drained; the bad ones never appear
        String flush = "zq" + UUID.randomUUID().toString().replace("-", "");
        given().auth().oauth2(token).contentType("text/plain").body("Pakistan and Turkey met. " + flush)
                .when().post(Platform.GATEWAY + "/api/v1/articles")
                .then().statusCode(202);
        String analyst = Platform.analystToken();
        Integer flushed = Platform.await(Duration.ofSeconds(120), () -> {
            List<String> ids = search(analyst, flush);
            return ids.isEmpty() ? null : ids.size();
        });
        assertThat(flushed).as("the good article reached search").isEqualTo(1);
        assertThat(search(analyst, marker)).as("articles holding the bad input's marker").isEmpty();
    }

    private static List<String> search(String token, String q) {
        return given().auth().oauth2(token).queryParam("q", q)
                .when().get(Platform.GATEWAY + "/api/v1/search")
                .then().statusCode(200).extract().path("results.id");
    }
}
