package org.dyad.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reprocessing on the real platform: an admin queues a stored article for enrichment again through the gateway;
 * it goes back to {@code cleaned}, is enriched again by nlp-service, and the read model shows it once, with the
 * new enrichment (a later {@code enrichedAt}) and no duplicated annotations.
 */
class ReprocessIT {

    private static final String SEED = "003_3ff7820031d02dd9.txt";

    @Test
    void anAdminReprocessesAnArticleAndTheReadModelShowsItOnceWithTheNewEnrichment() throws IOException {
        String seed = Files.readString(Path.of(Platform.SEEDS, SEED), StandardCharsets.UTF_8);
        String id = Platform.postText(Platform.ingestorToken(), seed)
                .statusCode(org.hamcrest.Matchers.oneOf(200, 202)).extract().path("id");
        String analyst = Platform.analystToken();
        Map<String, Object> before = Platform.await(Duration.ofSeconds(180), () -> enrichedArticle(analyst, id));
        assertThat(before).as("article %s enriched", id).isNotNull();

        String admin = Platform.userToken("admin", "admin");
        given().auth().oauth2(analyst).contentType("application/json").body("{\"ids\":[\"" + id + "\"]}")
                .when().post(Platform.GATEWAY + "/api/v1/admin/reprocess")
                .then().statusCode(403);
        given().auth().oauth2(admin).contentType("application/json").body("{\"ids\":[\"" + id + "\"]}")
                .when().post(Platform.GATEWAY + "/api/v1/admin/reprocess")
                .then().statusCode(202).body("queued", org.hamcrest.Matchers.equalTo(1));

        Instant first = Instant.parse((String) before.get("enrichedAt"));
        Map<String, Object> after = Platform.await(Duration.ofSeconds(180), () -> {
            Map<String, Object> article = enrichedArticle(analyst, id);
            return article != null && Instant.parse((String) article.get("enrichedAt")).isAfter(first) ? article : null;
        });
        assertThat(after).as("article %s enriched again", id).isNotNull();
        assertThat(after.get("pipelineVersion")).isEqualTo(before.get("pipelineVersion"));
        assertThat((List<?>) after.get("entities")).hasSameSizeAs((List<?>) before.get("entities"));
        assertThat((List<?>) after.get("quotes")).hasSameSizeAs((List<?>) before.get("quotes"));
        given().auth().oauth2(analyst).when().get(Platform.GATEWAY + "/api/v1/articles/" + id + "/status")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("enriched"));

        List<String> found = given().auth().oauth2(analyst).queryParam("q", "Rubio").queryParam("limit", 100)
                .when().get(Platform.GATEWAY + "/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("results.id");
        assertThat(found).filteredOn(id::equals).hasSize(1);

        given().auth().oauth2(admin).when().get(Platform.GATEWAY + "/api/v1/admin/audit?limit=20")
                .then().statusCode(200).body("action", org.hamcrest.Matchers.hasItem("admin.reprocess"));
    }

    private static Map<String, Object> enrichedArticle(String token, String id) {
        var response = given().auth().oauth2(token).when().get(Platform.GATEWAY + "/api/v1/articles/" + id)
                .then().extract();
        return response.statusCode() == 200 ? response.jsonPath().getMap("") : null;
    }
}
