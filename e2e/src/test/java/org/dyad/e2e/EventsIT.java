package org.dyad.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Events on the real platform: seed 002 (Pakistan and Russia sign a military cooperation agreement; the article
 * repeats its body) goes in through the gateway, the event coder codes it in nlp-service, and query-service
 * answers {@code GET /api/v1/events} for the dyad with the evidence. A lightly edited copy of the article joins
 * its near-duplicate cluster in ingest, so the agreement is reported by two articles but counted as one event
 * from one independent source.
 */
class EventsIT {

    private static final String SEED = "002_9eeae5c25ec30b8d.txt";
    private static final String PAK_RUS = "country:PAK,country:RUS";

    @Test
    void theAgreementOfSeed002IsOneEventWithItsEvidenceAndASyndicatedCopyDoesNotCountTwice() throws IOException {
        String seed = Files.readString(Path.of(Platform.SEEDS, SEED), StandardCharsets.UTF_8);
        String ingestor = Platform.ingestorToken();
        // 202, or 200 when ./dyad up loaded the seeds already: either way the id of the article
        String id = Platform.postText(ingestor, seed).statusCode(org.hamcrest.Matchers.oneOf(200, 202))
                .extract().path("id");
        String analyst = Platform.analystToken();

        JsonPath agreement = Platform.await(Duration.ofSeconds(180), () -> {
            JsonPath page = events(analyst, Map.of("dyad", PAK_RUS, "code", "057"));
            return page.getList("events.evidence.articleId").toString().contains(id) ? page : null;
        });
        assertThat(agreement).as("a 057 Pakistan-Russia event from article %s", id).isNotNull();
        List<Map<String, Object>> signed = agreement.getList("events");
        // the headline "Pakistan, Russia sign 'milestone' military cooperation pact" (the article's title, analysed as
        // its first paragraph) says the agreement was signed: 057 Sign formal agreement (verbal cooperation, quad
        // class 1), occurred; "met in Islamabad on Thursday to sign an agreement" reports the same act, so the
        // article's signing is one event with both sentences as its evidence
        List<Map<String, Object>> ofArticle = signed.stream().filter(e -> e.get("evidence").toString().contains(id))
                .toList();
        assertThat(ofArticle).as("the signing of article %s, counted once", id).hasSize(1);
        Map<String, Object> ofSeed = ofArticle.get(0);
        assertThat(ofSeed.get("mode")).isEqualTo("occurred");
        assertThat(ofSeed.get("cameoCode")).isEqualTo("057");
        assertThat(ofSeed.get("quadClass")).isEqualTo(1);
        assertThat(ofSeed.get("evidence").toString()).contains("sign 'milestone' military cooperation pact")
                .contains("met in Islamabad on Thursday to sign an agreement");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> evidence = (List<Map<String, Object>>) ofSeed.get("evidence");
        for (Map<String, Object> e : evidence) {
            String text = (String) e.get("text");
            assertThat(text).as("evidence sentence").isNotBlank();
            assertThat(seed.replaceAll("\\s+", " ")).contains(text.replaceAll("\\s+", " "));
        }
        // the article tells the story twice: no sentence of it is the evidence of two 057 events of one dyad
        Set<String> sentences = new HashSet<>();
        for (Map<String, Object> event : signed) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ev = (List<Map<String, Object>>) event.get("evidence");
            ev.stream().filter(e -> id.equals(e.get("articleId"))).map(e -> ((String) e.get("text")).strip())
                    .forEach(text -> assertThat(sentences.add(event.get("date") + "|" + text)).as(text).isTrue());
        }

        // a syndicated copy (a word changed, a line added): same cluster, the same event, still one source
        String copy = seed.replace("milestone", "landmark") + "\n\nThis story was syndicated by Dyad Wire.\n";
        String copyId = Platform.postText(ingestor, copy).statusCode(202).extract().path("id");
        Map<String, Object> status = given().auth().oauth2(analyst)
                .when().get(Platform.GATEWAY + "/api/v1/articles/" + copyId + "/status")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(status.get("nearDuplicateOf")).as("the copy is a near duplicate").isNotNull();

        JsonPath corroborated = Platform.await(Duration.ofSeconds(180), () -> {
            JsonPath page = events(analyst, Map.of("dyad", PAK_RUS, "code", "057"));
            return page.getList("events.corroboration.articleIds").toString().contains(copyId) ? page : null;
        });
        assertThat(corroborated).as("the copy's report joins an event").isNotNull();
        Map<String, Object> joined = corroborated.<Map<String, Object>>getList("events").stream()
                .filter(e -> e.get("corroboration").toString().contains(copyId)).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> corroboration = (Map<String, Object>) joined.get("corroboration");
        assertThat(corroboration.get("articles")).as("articles reporting it").isEqualTo(2);
        assertThat(corroboration.get("sources")).as("independent sources (clusters)").isEqualTo(1);
        assertThat(corroborated.getInt("total")).as("events, counted once").isEqualTo(agreement.getInt("total"));

        // the dyad's relation and the export see the same events
        JsonPath dyads = given().auth().oauth2(analyst).queryParam("actor", "country:PAK")
                .when().get(Platform.GATEWAY + "/api/v1/events/dyads")
                .then().statusCode(200).extract().jsonPath();
        assertThat(dyads.getList("dyads.target.id")).contains("country:RUS");
        // TSV: one line a row (tabs and line breaks inside a value are escaped)
        String tsv = given().auth().oauth2(analyst).queryParam("format", "tsv").queryParam("dyad", PAK_RUS)
                .queryParam("code", "057")
                .when().get(Platform.GATEWAY + "/api/v1/events/export")
                .then().statusCode(200).extract().asString();
        assertThat(tsv.lines().count()).as("header and one row per event").isEqualTo(1 + corroborated.getInt("total"));
        assertThat(tsv.lines().skip(1)).allSatisfy(row -> assertThat(row).contains("057"));
    }

    private static JsonPath events(String token, Map<String, String> params) {
        return given().auth().oauth2(token).queryParams(params).queryParam("limit", 100)
                .when().get(Platform.GATEWAY + "/api/v1/events")
                .then().statusCode(200).extract().jsonPath();
    }
}
