package org.dyad.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.Entity;
import org.dyad.query.World.Code;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * Who did what to whom, as an analyst asks it: events by actor, target, dyad, code, quad class, PLOVER type, mode and
 * date; each event counted once across near-duplicate copies, with its independent sources; the export; and the
 * event-based relations of a dyad with their timeline and evidence.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class EventsTest extends EnrichedArticlesTestBase {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void nearDuplicatesOfOneEventCountOnceAndIndependentReportsCorroborateIt() {
        LocalDate day = LocalDate.of(2025, 7, 9);
        UUID first = UUID.randomUUID();
        UUID copy = UUID.randomUUID();
        // the copy is a near duplicate of the first article (ingest put it in the first article's cluster)
        articles.publish(signing(first, first, "dawn.com", day, day, "occurred", "v1"));
        articles.publish(signing(copy, first, "tribune.com.pk", day, day, "occurred", "v1"));
        String dyad = world.id("country:PAK") + "," + world.id("country:TUR");

        JsonPath once = awaitEvents(j -> j.getInt("events[0].corroboration.articles") == 2, "dyad", dyad);
        assertThat(once.getLong("total")).isEqualTo(1);
        assertThat(once.getInt("events[0].corroboration.sources")).isEqualTo(1);
        assertThat(once.getInt("events[0].corroboration.publishers")).isEqualTo(2);
        assertThat(once.getList("events[0].corroboration.articleIds"))
                .containsExactlyInAnyOrder(first.toString(), copy.toString());
        assertThat(once.getList("events[0].evidence")).hasSize(2);
        String key = once.getString("events[0].key");

        // an independent report (a cluster of its own) arrives later: the same event, a second independent source
        UUID independent = UUID.randomUUID();
        articles.publish(signing(independent, independent, "aa.com.tr", day, day, "occurred", "v1"));
        JsonPath corroborated = awaitEvents(j -> j.getInt("events[0].corroboration.articles") == 3, "dyad", dyad);
        assertThat(corroborated.getLong("total")).isEqualTo(1);
        assertThat(corroborated.getString("events[0].key")).isEqualTo(key);
        assertThat(corroborated.getInt("events[0].corroboration.sources")).isEqualTo(2);
        assertThat(corroborated.getInt("events[0].corroboration.publishers")).isEqualTo(3);

        // the same actors signing on another day, or denying it, are other events
        UUID later = UUID.randomUUID();
        UUID denial = UUID.randomUUID();
        articles.publish(signing(later, later, "dawn.com", day.plusDays(11), day.plusDays(11), "occurred", "v1"));
        articles.publish(signing(denial, denial, "dawn.com", day, day, "denied", "v1"));
        JsonPath three = awaitEvents(j -> j.getLong("total") == 3, "dyad", dyad);
        assertThat(three.getList("events.date")).containsExactly("2025-07-20", "2025-07-09", "2025-07-09");
        assertThat(reports(three)).containsOnly(Map.entry("2025-07-20 occurred", 1), Map.entry("2025-07-09 occurred", 3),
                Map.entry("2025-07-09 denied", 1));

        // the copy, re-enriched with another event date, leaves the event it no longer reports
        articles.publish(signing(copy, first, "tribune.com.pk", day, day.plusDays(1), "occurred", "v2"));
        JsonPath moved = awaitEvents(j -> j.getLong("total") == 4, "dyad", dyad);
        assertThat(reports(moved)).containsOnly(Map.entry("2025-07-20 occurred", 1), Map.entry("2025-07-10 occurred", 1),
                Map.entry("2025-07-09 occurred", 2), Map.entry("2025-07-09 denied", 1));

        // relations count events, not articles
        JsonPath relation = given().auth().oauth2(Tokens.analyst())
                .get("/api/v1/events/dyads/{s}/{t}", world.id("country:PAK"), world.id("country:TUR"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(relation.getInt("events")).isEqualTo(4);
    }

    @Test
    void eachFilterSelectsItsEvents() {
        UUID id = UUID.randomUUID();
        LocalDate published = LocalDate.of(2025, 6, 12);
        World.Text t = world.article(id)
                .sentence("Pakistan and Turkiye signed a defence agreement.")
                .sentence("Turkiye will send a delegation to visit Pakistan in August.")
                .sentence("The United States imposed tariffs on Pakistan in April.")
                .sentence("Pakistan denied holding military drills with Russia.")
                .coded(0, "signed", Code.SIGN, "occurred", LocalDate.of(2025, 7, 9), List.of(world.pakistan()),
                        List.of(world.turkiye()))
                .coded(1, "visit", Code.VISIT, "planned", LocalDate.of(2025, 8, 1), List.of(world.turkiye()),
                        List.of(world.pakistan()))
                .coded(2, "tariffs", Code.SANCTION, "occurred", LocalDate.of(2025, 4, 2), List.of(world.usa()),
                        List.of(world.pakistan()))
                // no date in the sentence: the event is dated by the article
                .coded(3, "drills", Code.MILITARY, "denied", null, List.of(world.pakistan()), List.of(world.russia()));
        articles.publish(t.event(published, 0.1, "v1", Instant.now(), "Pakistan's week"));
        String pak = world.id("country:PAK");
        String tur = world.id("country:TUR");
        String rus = world.id("country:RUS");
        // one article, one transaction: once an event of it shows, all do
        awaitEvents(j -> j.getLong("total") == 2, "actor", pak);

        assertThat(codes("actor", pak)).containsExactly("057", "062");
        assertThat(codes("target", pak)).containsExactly("042", "163");
        assertThat(codes("dyad", pak + "," + tur)).containsExactly("042", "057");
        assertThat(codes("dyad", tur + "," + pak)).containsExactly("042", "057");
        assertThat(codes("actor", tur, "target", pak)).containsExactly("042");
        assertThat(codes("code", "057", "actor", pak)).containsExactly("057");
        assertThat(codes("code", "057,062", "actor", pak)).containsExactly("057", "062");
        assertThat(codes("root", "16", "target", pak)).containsExactly("163");
        assertThat(codes("quad", "4", "target", pak)).containsExactly("163");
        assertThat(codes("quad", "1", "quad", "2", "actor", pak)).containsExactly("057", "062");
        assertThat(codes("plover", "consult", "target", pak)).containsExactly("042");
        assertThat(codes("mode", "planned", "target", pak)).containsExactly("042");
        assertThat(codes("mode", "denied", "actor", pak)).containsExactly("062");
        assertThat(codes("from", "2025-07-01", "to", "2025-07-31", "dyad", pak + "," + tur)).containsExactly("057");
        // the article's date stands in for the missing event date
        assertThat(codes("from", "2025-06-12", "to", "2025-06-12", "actor", pak)).containsExactly("062");

        JsonPath toPakistan = events("target", pak);
        assertThat(toPakistan.getList("events.date")).containsExactly("2025-08-01", "2025-04-02");
        JsonPath denied = events("dyad", pak + "," + rus);
        assertThat(denied.getString("events[0].date")).isEqualTo("2025-06-12");
        assertThat(denied.getString("events[0].dateSource")).isEqualTo("article");
        assertThat(denied.getString("events[0].mode")).isEqualTo("denied");

        JsonPath signed = events("code", "057", "actor", pak);
        assertThat(signed.getString("events[0].cameoName")).isEqualTo("Sign formal agreement");
        assertThat(signed.getString("events[0].cameoRoot")).isEqualTo("05");
        assertThat(signed.getInt("events[0].quadClass")).isEqualTo(1);
        assertThat(signed.getDouble("events[0].goldstein")).isEqualTo(8.0);
        assertThat(signed.getString("events[0].ploverType")).isEqualTo("SUPPORT");
        assertThat(signed.getString("events[0].dateSource")).isEqualTo("event");
        assertThat(signed.getString("events[0].trigger")).isEqualTo("signed");
        assertThat(signed.getString("events[0].sources[0].entityId")).isEqualTo(pak);
        assertThat(signed.getString("events[0].sources[0].name")).isEqualTo("Pakistan");
        assertThat(signed.getString("events[0].sources[0].type")).isEqualTo("COUNTRY");
        assertThat(signed.getString("events[0].targets[0].country")).isEqualTo("TUR");
        assertThat(signed.getString("events[0].evidence[0].articleId")).isEqualTo(id.toString());
        assertThat(signed.getInt("events[0].evidence[0].sentence")).isZero();
        assertThat(signed.getString("events[0].evidence[0].text")).isEqualTo("Pakistan and Turkiye signed a defence agreement.");

        String text = given().auth().oauth2(Tokens.analyst()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .extract().jsonPath().getString("text");
        Map<String, Object> evidence = signed.getMap("events[0].evidence[0]");
        assertThat(cut(text, evidence, "sentenceStart", "sentenceEnd")).isEqualTo(evidence.get("text"));
        assertThat(cut(text, evidence, "triggerStart", "triggerEnd")).isEqualTo("signed");
        assertThat(cut(text, signed.getMap("events[0].evidence[0].sources[0]"), "start", "end")).isEqualTo("Pakistan");
        assertThat(cut(text, signed.getMap("events[0].evidence[0].targets[0]"), "start", "end")).isEqualTo("Turkiye");
    }

    @Test
    void cursorWalksEveryEventOnceNewestFirst() {
        List<UUID> ids = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            LocalDate date = LocalDate.of(2025, 3, day);
            articles.publish(signing(id, id, "dawn.com", date, date, "occurred", "v1"));
        }
        // a copy of the third: no extra event
        articles.publish(signing(UUID.randomUUID(), ids.get(2), "geo.tv", LocalDate.of(2025, 3, 3),
                LocalDate.of(2025, 3, 3), "occurred", "v1"));
        String pak = world.id("country:PAK");
        awaitEvents(j -> j.getInt("events.find { it.date == '2025-03-03' }.corroboration.articles") == 2
                && j.getLong("total") == 5, "actor", pak, "limit", 100);

        List<JsonPath> pages = pages("/api/v1/events", "actor", pak, "limit", 2);
        assertThat(pages).hasSize(3).allSatisfy(page -> assertThat(page.getLong("total")).isEqualTo(5));
        assertThat(pages.stream().flatMap(page -> page.<String>getList("events.date").stream()))
                .containsExactly("2025-03-05", "2025-03-04", "2025-03-03", "2025-03-02", "2025-03-01");

        String first = events("actor", pak, "limit", 2).getString("next");
        given().auth().oauth2(Tokens.analyst()).queryParam("actor", pak).queryParam("mode", "occurred")
                .queryParam("limit", 2).queryParam("cursor", first)
                .get("/api/v1/events").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:dyad:problem:invalid-cursor"))
                .body("parameter", equalTo("cursor"));
    }

    @Test
    void exportWritesEachEventOnceAsCsvTsvAndNdjsonWithAwkwardText() throws Exception {
        // a character outside the BMP before the evidence: offsets are UTF-16, the database counts code points
        String sentence = "@dawn_com: Pakistan and Turkiye signed a \"defence, energy\" pact\tin Ankara\non Tuesday.";
        UUID first = UUID.randomUUID();
        UUID copy = UUID.randomUUID();
        for (UUID id : List.of(first, copy)) {
            World.Text t = world.article(id).source(id.equals(first) ? "dawn.com" : "thenews.com.pk").cluster(first)
                    .sentence("Breaking \uD83C\uDDF5\uD83C\uDDF0 news from the capital.")
                    .sentence(sentence)
                    .coded(1, "signed", Code.SIGN, "occurred", LocalDate.of(2025, 5, 6), List.of(world.pakistan()),
                            List.of(tricky(world.turkiye())));
            articles.publish(t.event(LocalDate.of(2025, 5, 6), 0.2, "v1", Instant.now(), "Pact"));
        }
        String pak = world.id("country:PAK");
        awaitEvents(j -> j.getInt("events[0].corroboration.articles") == 2, "actor", pak);
        JsonPath json = events("actor", pak);
        assertThat(json.getString("events[0].evidence[0].text")).isEqualTo(sentence);

        String csv = given().auth().oauth2(Tokens.analyst()).queryParam("actor", pak).queryParam("format", "csv")
                .get("/api/v1/events/export").then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"dyad-events.csv\"").extract().asString();
        List<List<String>> rows = parseCsv(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactlyElementsOf(columns());
        Map<String, String> row = record(rows.get(0), rows.get(1));
        assertThat(row.get("sentence_text")).isEqualTo("'" + sentence);
        assertThat(row.get("target_names")).isEqualTo("'=Türkiye, Republic of");
        assertThat(row.get("source_ids")).isEqualTo(pak);
        assertThat(row.get("cameo_code")).isEqualTo("057");
        assertThat(row.get("cameo_root")).isEqualTo("05");
        assertThat(row.get("goldstein")).isEqualTo("8.0");
        assertThat(row.get("date")).isEqualTo("2025-05-06");
        assertThat(row.get("date_source")).isEqualTo("event");
        assertThat(row.get("independent_sources")).isEqualTo("1");
        assertThat(row.get("articles")).isEqualTo("2");
        assertThat(row.get("publishers")).isEqualTo("2");
        assertThat(row.get("article_ids").split(";")).containsExactlyInAnyOrder(first.toString(), copy.toString());
        assertThat(row.get("trigger")).isEqualTo("signed");

        String tsv = given().auth().oauth2(Tokens.analyst()).queryParam("actor", pak).queryParam("format", "tsv")
                .get("/api/v1/events/export").then().statusCode(200)
                .header("Content-Type", startsWith("text/tab-separated-values")).extract().asString();
        List<String> lines = tsv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).split("\t")).containsExactlyElementsOf(columns());
        String[] cells = lines.get(1).split("\t", -1);
        assertThat(cells).hasSize(columns().size());
        Map<String, String> tsvRow = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            tsvRow.put(columns().get(i), unescapeTsv(cells[i]));
        }
        assertThat(tsvRow.get("sentence_text")).isEqualTo("'" + sentence);
        assertThat(tsvRow).isEqualTo(row);

        String ndjson = given().auth().oauth2(Tokens.analyst()).queryParam("actor", pak).queryParam("format", "ndjson")
                .get("/api/v1/events/export").then().statusCode(200)
                .header("Content-Type", startsWith("application/x-ndjson")).extract().asString();
        assertThat(ndjson.lines().toList()).hasSize(1);
        JsonNode line = mapper.readTree(ndjson.lines().findFirst().orElseThrow());
        assertThat(line.get("sentenceText").asText()).isEqualTo(sentence);
        assertThat(line.get("targets").get(0).get("name").asText()).isEqualTo("=Türkiye, Republic of");
        assertThat(line.get("independentSources").asInt()).isEqualTo(1);
    }

    @Test
    void dyadsCountEventsOnceWithMeanGoldsteinQuadClassesTimelineAndEvidence() {
        String pak = world.id("country:PAK");
        String tur = world.id("country:TUR");
        String aze = world.id("country:AZE");
        LocalDate july9 = LocalDate.of(2025, 7, 9);
        UUID first = UUID.randomUUID();
        articles.publish(signing(first, first, "dawn.com", july9, july9, "occurred", "v1"));
        articles.publish(signing(UUID.randomUUID(), first, "geo.tv", july9, july9, "occurred", "v1"));
        UUID independent = UUID.randomUUID();
        articles.publish(signing(independent, independent, "aa.com.tr", july9, july9, "occurred", "v1"));
        UUID week = UUID.randomUUID();
        World.Text t = world.article(week)
                .sentence("Pakistan stepped up military cooperation with Turkiye.")
                .sentence("Turkiye will send a delegation to visit Pakistan in August.")
                .sentence("Pakistan, Azerbaijan and Turkiye will carry out joint military exercises in September.")
                .sentence("Pakistan accused Turkiye of delays.")
                .coded(0, "cooperation", Code.MILITARY, "occurred", LocalDate.of(2025, 7, 20), List.of(world.pakistan()),
                        List.of(world.turkiye()))
                .coded(1, "visit", Code.VISIT, "planned", LocalDate.of(2025, 8, 1), List.of(world.turkiye()),
                        List.of(world.pakistan()))
                .coded(2, "exercises", Code.MILITARY, "planned", LocalDate.of(2025, 9, 1),
                        List.of(world.pakistan(), world.azerbaijan(), world.turkiye()),
                        List.of(world.pakistan(), world.azerbaijan(), world.turkiye()))
                .coded(3, "accused", Code.ACCUSE, "occurred", LocalDate.of(2025, 9, 3), List.of(world.pakistan()),
                        List.of(world.turkiye()));
        articles.publish(t.event(LocalDate.of(2025, 7, 21), 0.3, "v1", Instant.now(), "A busy season"));
        awaitEvents(j -> j.getLong("total") == 5 && j.getInt("events.find { it.cameoCode == '057' }.corroboration"
                + ".articles") == 3, "dyad", pak + "," + tur);

        JsonPath fromPakistan = dyads("actor", pak);
        assertThat(fromPakistan.getList("dyads.target.id")).containsExactly(tur, aze);
        // 057 (three reports, one event), 062, the joint 062, 112
        assertThat(fromPakistan.getInt("dyads[0].events")).isEqualTo(4);
        assertThat(fromPakistan.getDouble("dyads[0].meanGoldstein")).isCloseTo((8.0 + 7.4 + 7.4 - 2.0) / 4, within(0.001));
        assertThat(fromPakistan.getInt("dyads[0].quadClasses.verbalCooperation")).isEqualTo(1);
        assertThat(fromPakistan.getInt("dyads[0].quadClasses.materialCooperation")).isEqualTo(2);
        assertThat(fromPakistan.getInt("dyads[0].quadClasses.verbalConflict")).isEqualTo(1);
        assertThat(fromPakistan.getInt("dyads[0].quadClasses.materialConflict")).isZero();
        assertThat(fromPakistan.getString("dyads[0].source.name")).isEqualTo("Pakistan");
        // the joint exercise: one event, six dyads
        assertThat(fromPakistan.getInt("dyads[1].events")).isEqualTo(1);
        assertThat(dyads("actor", aze).getList("dyads.target.id")).containsExactlyInAnyOrder(pak, tur);

        JsonPath eitherWay = dyads("dyad", tur + "," + pak);
        assertThat(eitherWay.getList("dyads.source.id")).containsExactly(pak, tur);
        assertThat(eitherWay.getList("dyads.events")).containsExactly(4, 2);
        // planned: the visit (Türkiye → Pakistan) and the joint exercise (both ways)
        assertThat(dyads("dyad", pak + "," + tur, "mode", "planned").getList("dyads.events")).containsExactly(2, 1);

        JsonPath timeline = given().auth().oauth2(Tokens.analyst())
                .get("/api/v1/events/dyads/{s}/{t}", pak, tur).then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getString("source.id")).isEqualTo(pak);
        assertThat(timeline.getString("target.name")).isEqualTo("Türkiye");
        assertThat(timeline.getInt("events")).isEqualTo(4);
        assertThat(timeline.getDouble("meanGoldstein")).isCloseTo(5.2, within(0.001));
        assertThat(timeline.getList("timeline.month")).containsExactly("2025-07-01", "2025-09-01");
        assertThat(timeline.getList("timeline.events")).containsExactly(2, 2);
        assertThat(timeline.getDouble("timeline[0].meanGoldstein")).isCloseTo(7.7, within(0.001));
        assertThat(timeline.getDouble("timeline[1].meanGoldstein")).isCloseTo(2.7, within(0.001));
        assertThat(timeline.getInt("timeline[1].quadClasses.verbalConflict")).isEqualTo(1);
        JsonPath july = given().auth().oauth2(Tokens.analyst()).queryParam("from", "2025-07-01").queryParam("to", "2025-07-31")
                .get("/api/v1/events/dyads/{s}/{t}", pak, tur).then().statusCode(200).extract().jsonPath();
        assertThat(july.getInt("events")).isEqualTo(2);
        JsonPath reverse = given().auth().oauth2(Tokens.analyst())
                .get("/api/v1/events/dyads/{s}/{t}", tur, pak).then().statusCode(200).extract().jsonPath();
        assertThat(reverse.getInt("events")).isEqualTo(2);
        assertThat(reverse.getList("timeline.month")).containsExactly("2025-08-01", "2025-09-01");

        // drill down: the dyad's events with their evidence sentences, a page at a time
        List<JsonPath> pages = pages("/api/v1/events/dyads/" + pak + "/" + tur + "/evidence", "limit", 3);
        assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page.getLong("total")).isEqualTo(4));
        List<Map<String, Object>> seen = pages.stream()
                .flatMap(page -> page.<Map<String, Object>>getList("events").stream()).toList();
        assertThat(seen).extracting(e -> e.get("cameoCode")).containsExactly("112", "062", "062", "057");
        Map<String, Object> signing = seen.get(3);
        assertThat((List<?>) signing.get("evidence")).hasSize(3);
        assertThat(((Map<?, ?>) signing.get("corroboration")).get("sources")).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> joint = ((List<Map<String, Object>>) seen.get(1).get("evidence")).get(0);
        assertThat(joint.get("text")).isEqualTo(
                "Pakistan, Azerbaijan and Turkiye will carry out joint military exercises in September.");
        String text = given().auth().oauth2(Tokens.analyst()).get("/api/v1/articles/{id}", week).then().statusCode(200)
                .extract().jsonPath().getString("text");
        assertThat(cut(text, joint, "triggerStart", "triggerEnd")).isEqualTo("exercises");
        assertThat(cut(text, joint, "sentenceStart", "sentenceEnd")).isEqualTo(joint.get("text"));

        given().auth().oauth2(Tokens.analyst()).get("/api/v1/events/dyads/{s}/{t}", pak, "country:nowhere-" + world.tag)
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo("urn:dyad:problem:not-found"));
        given().auth().oauth2(Tokens.analyst()).get("/api/v1/events/dyads/{s}/{t}/evidence", "country:nowhere-" + world.tag, tur)
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    /** Reports per event, by its date and mode. */
    private static Map<String, Integer> reports(JsonPath page) {
        Map<String, Integer> reports = new LinkedHashMap<>();
        for (Map<String, Object> e : page.<Map<String, Object>>getList("events")) {
            reports.put(e.get("date") + " " + e.get("mode"), (Integer) ((Map<?, ?>) e.get("corroboration")).get("articles"));
        }
        return reports;
    }

    /** An article reporting that Pakistan signed (or denied signing) an agreement with Türkiye on {@code eventDate}. */
    private ArticleEnriched signing(UUID id, UUID cluster, String site, LocalDate published, LocalDate eventDate,
            String mode, String pipelineVersion) {
        World.Text t = world.article(id).cluster(cluster).source(site)
                .sentence("Pakistan and Turkiye signed a defence agreement in Ankara.")
                .coded(0, "signed", Code.SIGN, mode, eventDate, List.of(world.pakistan()), List.of(world.turkiye()));
        return t.event(published, 0.5, pipelineVersion, Instant.now(), "Pakistan and Turkiye sign a defence pact");
    }

    /** Türkiye with a name that needs quoting and defusing in a spreadsheet. */
    private static Entity tricky(Entity e) {
        return new Entity(e.id(), e.type(), "=Türkiye, Republic of", List.of("Turkiye"), e.country(), e.roles(),
                e.mentionCount(), e.known());
    }

    private static List<String> columns() {
        return List.of("key", "date", "date_source", "cameo_code", "cameo_root", "cameo_name", "quad_class",
                "goldstein", "plover_type", "plover_mode", "mode", "source_ids", "source_names", "source_countries",
                "target_ids", "target_names", "target_countries", "independent_sources", "articles", "publishers",
                "article_ids", "article_id", "sentence", "sentence_text", "trigger", "trigger_start", "trigger_end",
                "confidence");
    }

    private static Map<String, String> record(List<String> header, List<String> row) {
        assertThat(row).hasSameSizeAs(header);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            out.put(header.get(i), row.get(i));
        }
        return out;
    }

    /** RFC 4180: fields separated by commas, records by line breaks; a quoted field may hold both and "" for ". */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        assertThat(field).isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }

    private static String unescapeTsv(String cell) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String cut(String text, Map<String, Object> span, String start, String end) {
        return text.substring((Integer) span.get(start), (Integer) span.get(end));
    }

    private static List<String> codes(Object... params) {
        return events(params).<String>getList("events.cameoCode").stream().sorted().toList();
    }

    private static JsonPath events(Object... params) {
        return get("/api/v1/events", params);
    }

    private static JsonPath dyads(Object... params) {
        return get("/api/v1/events/dyads", params);
    }

    private static JsonPath get(String path, Object... params) {
        RequestSpecification request = given().auth().oauth2(Tokens.analyst());
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    /** Every page of {@code path}, following {@code next} from the first. */
    private static List<JsonPath> pages(String path, Object... params) {
        List<JsonPath> pages = new ArrayList<>();
        String cursor = null;
        do {
            Object[] withCursor = cursor == null ? params : Stream.concat(Arrays.stream(params),
                    Stream.of("cursor", cursor)).toArray();
            JsonPath page = get(path, withCursor);
            pages.add(page);
            cursor = page.getString("next");
        } while (cursor != null);
        return pages;
    }

    private static JsonPath awaitEvents(Predicate<JsonPath> ready, Object... params) {
        return await().atMost(CONSUMED_WITHIN).ignoreExceptions().until(() -> events(params), ready);
    }
}
