package org.dyad.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One article from an authenticated ingestion client, through Kafka and CoreNLP, to an analyst's search. */
class ArticleJourneyIT {

    private static final String SEED = "000_0de1ffbfcb81e0bd.txt";

    @Test
    void seedPostedByTheIngestionClientIsFoundByTheAnalystWithItsEntities() throws IOException {
        String seed = Files.readString(Path.of(Platform.SEEDS, SEED), StandardCharsets.UTF_8);

        // `./dyad up` loads the seeds already, so this post may be a duplicate: both answers carry the id
        String id = Platform.postText(Platform.ingestorToken(), seed).statusCode(anyOf(is(202), is(200)))
                .extract().path("id");

        String analyst = Platform.analystToken();
        List<String> found = Platform.await(Duration.ofSeconds(120), () -> {
            List<String> ids = given().auth().oauth2(analyst).queryParam("q", "Fidan")
                    .when().get(Platform.GATEWAY + "/api/v1/search")
                    .then().statusCode(200).extract().path("results.id");
            return ids.contains(id) ? ids : null;
        });
        assertThat(found).as("search results for Fidan").contains(id);

        JsonPath article = given().auth().oauth2(analyst)
                .when().get(Platform.GATEWAY + "/api/v1/articles/" + id)
                .then().statusCode(200).extract().jsonPath();
        String text = article.getString("text");
        List<Map<String, Object>> entities = article.getList("entities");

        Map<String, Object> fidan = entity(entities, "Hakan Fidan", "PERSON");
        Map<String, Object> pakistan = entity(entities, "Pakistan", "COUNTRY");
        assertMentionsPointAtTheirWords(text, fidan, "Fidan");
        assertMentionsPointAtTheirWords(text, pakistan, "Pakistan");

        given().auth().oauth2(analyst).when().get(Platform.GATEWAY + "/api/v1/articles/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("enriched"));
    }

    private static Map<String, Object> entity(List<Map<String, Object>> entities, String name, String type) {
        return entities.stream()
                .filter(e -> name.equals(e.get("name")) && type.equals(e.get("type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " (" + type + ") not among " + entities.stream()
                        .map(e -> e.get("name") + "/" + e.get("type")).toList()));
    }

    @SuppressWarnings("unchecked")
    private static void assertMentionsPointAtTheirWords(String text, Map<String, Object> entity, String word) {
        List<Map<String, Object>> mentions = (List<Map<String, Object>>) entity.get("mentions");
        assertThat(mentions).as("mentions of " + entity.get("name")).isNotEmpty();
        for (Map<String, Object> mention : mentions) {
            int start = (Integer) mention.get("start");
            int end = (Integer) mention.get("end");
            assertThat(text.substring(start, end)).isEqualTo(mention.get("text")).contains(word);
        }
    }
}
