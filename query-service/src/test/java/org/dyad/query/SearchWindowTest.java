package org.dyad.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.query.service.SearchQuery;
import org.dyad.query.service.SearchService;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The rank window (issue 6): a search ranks and counts facets over at most the newest {@code rank-window} matches;
 * beyond that its total is an estimate and says so. The service's own SearchService with a window of 3, over the real
 * read model in PostgreSQL, and the endpoint with the default window of 1,000.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class SearchWindowTest extends EnrichedArticlesTestBase {

    @Inject
    DataSource dataSource;

    /** Five articles with {@code word}, dated 1 to 5 March 2025 (index 0 oldest); the word in the title of 0 and 3. */
    private List<UUID> fiveArticles(String word) {
        List<UUID> ids = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String title = day == 1 || day == 4 ? "The " + word + " accord" : "Defence pact " + day;
            articles.publish(dated(EnrichedArticles.article(id, title, word, "v1", Instant.now()),
                    LocalDate.of(2025, 3, day)));
        }
        SearchService exact = new SearchService(dataSource, 1_000);
        await().atMost(CONSUMED_WITHIN).until(() -> exact.search(text(word, SearchQuery.Sort.DATE), 20, null,
                List.of()).total() == 5);
        return ids;
    }

    @Test
    void withNoMoreMatchesThanTheWindowEverythingIsExact() {
        String word = EnrichedArticles.uniqueWord();
        List<UUID> ids = fiveArticles(word);

        SearchService.Page page = new SearchService(dataSource, 5).search(text(word, SearchQuery.Sort.RELEVANCE), 20,
                null, List.of("source"));

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.totalIsEstimate()).isFalse();
        assertThat(page.window()).isNull();
        // title matches first (newest first among equal ranks), then the others newest first
        assertThat(page.hits().stream().map(SearchService.Hit::id).toList())
                .containsExactly(ids.get(3), ids.get(0), ids.get(4), ids.get(2), ids.get(1));
        assertThat(count(page, "source", "dawn.com")).isEqualTo(5);
    }

    @Test
    void moreMatchesThanTheWindowRankTheNewestAndEstimateTheTotal() {
        String word = EnrichedArticles.uniqueWord();
        List<UUID> ids = fiveArticles(word);
        SearchService windowed = new SearchService(dataSource, 3);

        SearchService.Page ranked = windowed.search(text(word, SearchQuery.Sort.RELEVANCE), 20, null,
                List.of("entity", "source"));

        // the window is the 3 newest matches (5, 4 and 3 March): the title match of 4 March first, then newest first;
        // 1 March, a title match too, is outside the window
        assertThat(ranked.hits().stream().map(SearchService.Hit::id).toList())
                .containsExactly(ids.get(3), ids.get(4), ids.get(2));
        assertThat(ranked.totalIsEstimate()).isTrue();
        assertThat(ranked.window()).isEqualTo(3);
        assertThat(ranked.total()).isGreaterThanOrEqualTo(4);
        // facets count the window
        assertThat(count(ranked, "source", "dawn.com")).isEqualTo(3);
        assertThat(count(ranked, "entity", "country:pakistan")).isEqualTo(3);

        SearchService.Page newest = windowed.search(text(word, SearchQuery.Sort.DATE), 20, null, List.of("source"));
        // newest first is exact at any size; its total and facets follow the window
        assertThat(newest.hits().stream().map(SearchService.Hit::id).toList()).containsExactlyElementsOf(ids.reversed());
        assertThat(newest.totalIsEstimate()).isTrue();
        assertThat(newest.window()).isEqualTo(3);
        assertThat(newest.total()).isGreaterThanOrEqualTo(4);
        assertThat(count(newest, "source", "dawn.com")).isEqualTo(3);
    }

    @Test
    void aCursorKeepsToTheFirstPagesWindowWhileArticlesArrive() {
        String word = EnrichedArticles.uniqueWord();
        List<UUID> ids = fiveArticles(word);
        SearchService windowed = new SearchService(dataSource, 3);
        SearchQuery query = text(word, SearchQuery.Sort.RELEVANCE);

        SearchService.Page first = windowed.search(query, 1, null, List.of());
        assertThat(first.hits().getFirst().id()).isEqualTo(ids.get(3));
        // a newer article arrives after the first page: it would push 3 March out of a window taken afresh
        UUID later = UUID.randomUUID();
        articles.publish(dated(EnrichedArticles.article(later, "Defence pact 6", word, "v1", Instant.now()),
                LocalDate.of(2025, 3, 6)));
        await().atMost(CONSUMED_WITHIN).until(() -> new SearchService(dataSource, 1_000)
                .search(text(word, SearchQuery.Sort.DATE), 20, null, List.of()).total() == 6);

        List<UUID> seen = new ArrayList<>(List.of(first.hits().getFirst().id()));
        String cursor = first.next();
        while (cursor != null) {
            SearchService.Page page = windowed.search(query, 1, cursor, List.of());
            assertThat(page.totalIsEstimate()).isTrue();
            page.hits().forEach(h -> seen.add(h.id()));
            cursor = page.next();
        }
        // every article of the first page's window once, and the one that arrived (newer than its floor) too
        assertThat(seen).containsExactly(ids.get(3), later, ids.get(4), ids.get(2));

        // the cursor belongs to this query, not to another one
        assertThatThrownBy(() -> windowed.search(text(word + " pact", SearchQuery.Sort.RELEVANCE), 1, first.next(),
                List.of())).hasMessageContaining("cursor");
    }

    @Test
    void theEndpointSaysWhetherItsTotalIsExact() {
        String word = EnrichedArticles.uniqueWord();
        fiveArticles(word);

        String body = given().auth().oauth2(Tokens.analyst()).queryParam("q", word).queryParam("facet", "source")
                .when().get("/api/v1/search").then().statusCode(200).extract().asString();
        JsonPath found = JsonPath.from(body);

        assertThat(found.getLong("total")).isEqualTo(5);
        assertThat(found.getBoolean("totalIsEstimate")).isFalse();
        assertThat(body).contains("\"window\":null");
        assertThat(found.getList("facets.source.count")).containsExactly(5);
    }

    @Test
    void aWindowBelowOneIsRefused() {
        assertThatThrownBy(() -> new SearchService(dataSource, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rank-window");
    }

    @Test
    void bothPlansOfARankedWindowGiveTheSamePage() throws Exception {
        String word = EnrichedArticles.uniqueWord();
        List<UUID> ids = fiveArticles(word);
        List<SearchQuery> queries = List.of(text(word, SearchQuery.Sort.RELEVANCE),
                new SearchQuery(word, List.of("country:pakistan"), List.of(), List.of(), List.of(), List.of(), List.of(),
                        LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 5), SearchQuery.Sort.RELEVANCE),
                new SearchQuery("\"" + word + " accord\"", List.of("person:hakan-fidan"), List.of(), List.of("PERSON"),
                        List.of(), List.of("dawn.com"), List.of("en"), null, LocalDate.of(2025, 3, 4),
                        SearchQuery.Sort.RELEVANCE),
                // an entity and no range: the entity's articles of all time, undated last; two entities, one drives
                new SearchQuery(word, List.of("country:turkiye"), List.of(), List.of(), List.of(), List.of(), List.of(),
                        null, null, SearchQuery.Sort.RELEVANCE),
                new SearchQuery(word, List.of("person:hakan-fidan", "country:pakistan"), List.of(), List.of(),
                        List.of(), List.of(), List.of(), LocalDate.of(2025, 3, 1), null, SearchQuery.Sort.RELEVANCE));
        for (int window : new int[] {3, 1_000}) {
            SearchService service = new SearchService(dataSource, window);
            for (SearchQuery query : queries) {
                List<List<UUID>> walks = new ArrayList<>();
                List<SearchService.Page> firsts = new ArrayList<>();
                for (Object plan : PLANS) {
                    List<UUID> walk = new ArrayList<>();
                    String cursor = null;
                    SearchService.Page first = null;
                    do {
                        SearchService.Page page = search(service, query, 2, cursor, plan);
                        first = first == null ? page : first;
                        page.hits().forEach(h -> walk.add(h.id()));
                        cursor = page.next();
                    } while (cursor != null);
                    walks.add(walk);
                    firsts.add(first);
                }
                // the chosen plan too
                firsts.add(search(service, query, 2, null, null));
                for (int i = 1; i < walks.size(); i++) {
                    assertThat(walks.get(i)).as("window %d, %s, %s", window, query, PLANS[i]).isEqualTo(walks.get(0));
                }
                for (int i = 1; i < firsts.size(); i++) {
                    assertThat(firsts.get(i)).as("window %d, %s, plan %d", window, query, i).isEqualTo(firsts.get(0));
                }
                assertThat(walks.get(0)).as("window %d, %s", window, query).isNotEmpty().doesNotHaveDuplicates()
                        .isSubsetOf(ids);
            }
        }
    }

    @Test
    void reEnrichmentWithAnotherDateAndOtherEntitiesMovesTheEntityDateIndex() throws Exception {
        String word = EnrichedArticles.uniqueWord();
        UUID id = UUID.randomUUID();
        Instant first = Instant.now();
        ArticleEnriched v1 = dated(EnrichedArticles.article(id, "Defence pact", word, "v1", first),
                LocalDate.of(2025, 3, 1));
        articles.publish(v1);
        SearchService service = new SearchService(dataSource, 1_000);
        SearchQuery march = entity(word, "person:hakan-fidan", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        await().atMost(CONSUMED_WITHIN).until(() -> service.search(march, 20, null, List.of()).total() == 1);

        // v2: another date, and Hakan Fidan no longer named
        ArticleEnriched dated = dated(EnrichedArticles.article(id, "Defence pact", word, "v2", first.plusSeconds(1)),
                LocalDate.of(2025, 7, 10));
        ArticleEnriched v2 = new ArticleEnriched(dated.eventId(), dated.schemaVersion(), dated.occurredAt(), id,
                dated.pipelineVersion(), dated.article(), Annotations.ofMentions(dated.annotations().mentions().stream()
                        .filter(m -> !m.entityId().equals("person:hakan-fidan")).toList()));
        articles.publish(v2);
        SearchQuery july = entity(word, "country:pakistan", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31));
        await().atMost(CONSUMED_WITHIN).until(() -> service.search(july, 20, null, List.of()).total() == 1);

        // every row of the article carries the new date, and only the entities v2 names
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT entity_id || ' ' || sort_date FROM article_entity WHERE article_id = ? ORDER BY entity_id")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        assertThat(rows).containsExactly("country:pakistan 2025-07-10", "country:turkiye 2025-07-10",
                "location:ankara 2025-07-10");
        // and each plan finds it at the new date only, and no more through the entity it lost
        SearchQuery marchPakistan = entity(word, "country:pakistan", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        SearchQuery fidan = entity(word, "person:hakan-fidan", null, null);
        for (Object plan : PLANS) {
            assertThat(search(service, july, 20, null, plan).hits()).as("%s", plan).extracting(SearchService.Hit::id)
                    .containsExactly(id);
            assertThat(search(service, marchPakistan, 20, null, plan).hits()).as("%s", plan).isEmpty();
            assertThat(search(service, march, 20, null, plan).hits()).as("%s", plan).isEmpty();
            assertThat(search(service, fidan, 20, null, plan).hits()).as("%s", plan).isEmpty();
        }
    }

    /** SearchService.Plan's values: DATE, ENTITY, INDEXES. */
    private static final Object[] PLANS;

    /** SearchService.search(query, limit, cursor, facets, plan): the plan imposed, otherwise chosen from estimates. */
    private static final Method SEARCH;

    static {
        try {
            Class<?> plan = Class.forName("org.dyad.query.service.SearchService$Plan");
            PLANS = plan.getEnumConstants();
            SEARCH = SearchService.class.getDeclaredMethod("search", SearchQuery.class, int.class, String.class,
                    List.class, plan);
            SEARCH.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static SearchService.Page search(SearchService service, SearchQuery query, int limit, String cursor,
            Object plan) throws Exception {
        return (SearchService.Page) SEARCH.invoke(service, query, limit, cursor, List.of("entity", "source"), plan);
    }

    private static SearchQuery entity(String word, String entity, LocalDate from, LocalDate to) {
        return new SearchQuery(word, List.of(entity), List.of(), List.of(), List.of(), List.of(), List.of(), from, to,
                SearchQuery.Sort.RELEVANCE);
    }

    private static SearchQuery text(String word, SearchQuery.Sort sort) {
        return new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, sort);
    }

    private static long count(SearchService.Page page, String facet, String value) {
        return page.facets().get(facet).stream().filter(v -> v.value().equals(value)).mapToLong(
                SearchService.FacetValue::count).findFirst().orElse(0);
    }

    private static ArticleEnriched dated(ArticleEnriched e, LocalDate date) {
        ArticleContent a = e.article();
        ArticleContent content = new ArticleContent(a.title(), a.text(), a.source(), a.url(), a.author(), a.language(),
                a.languageConfidence(), date, a.dateSource(), a.contentHash(), a.cleaning(), a.clusterId());
        return new ArticleEnriched(e.eventId(), e.schemaVersion(), e.occurredAt(), e.articleId(), e.pipelineVersion(),
                content, e.annotations());
    }
}
