package org.dyad.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Where the running platform is, and real Keycloak tokens for its clients and demo users. */
final class Platform {

    static final String GATEWAY = System.getProperty("dyad.gateway.url", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getProperty("dyad.keycloak.url", "http://127.0.0.1:8180");
    static final String INGEST = System.getProperty("dyad.ingest.url", "http://127.0.0.1:8081");
    static final String QUERY = System.getProperty("dyad.query.url", "http://127.0.0.1:8083");
    static final String SEEDS = System.getProperty("dyad.seeds", "../seeds");
    private static final String TOKEN_URL = KEYCLOAK + "/realms/dyad/protocol/openid-connect/token";

    private Platform() {
    }

    /** A token of the confidential ingestion client (client-credentials grant). */
    static String ingestorToken() {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "dyad-ingest")
                .formParam("client_secret", System.getProperty("dyad.ingest.client.secret", "dyad-ingest-secret"))
                .when().post(TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token of a demo user through the public command-line client (password grant). */
    static String userToken(String user, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "dyad-cli")
                .formParam("username", user)
                .formParam("password", password)
                .when().post(TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }

    /** Posts a text (the seed convention: text/plain) through the gateway; the caller checks the answer. */
    static io.restassured.response.ValidatableResponse postText(String token, String text) {
        return given().auth().oauth2(token).contentType("text/plain; charset=UTF-8").body(text)
                .when().post(GATEWAY + "/api/v1/articles")
                .then();
    }

    static String analystToken() {
        return userToken("analyst", "analyst");
    }

    /** Polls until the supplier gives a non-null value or the wait is over; returns the last value. */
    static <T> T await(Duration wait, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(wait);
        T value = probe.get();
        while (value == null && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            value = probe.get();
        }
        return value;
    }
}
