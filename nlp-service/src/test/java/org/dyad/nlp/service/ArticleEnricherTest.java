package org.dyad.nlp.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.dyad.contracts.ArticleFailed;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleIngested;
import org.dyad.contracts.EntityMention;
import org.dyad.nlp.config.NlpConfig;
import org.dyad.nlp.analysis.ArticleAnalyser;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Pipeline;
import org.dyad.nlp.pipeline.PipelineUnavailableException;
import org.junit.jupiter.api.Test;

/** How each kind of incoming message turns into one outcome, with a stand-in pipeline instead of CoreNLP. */
class ArticleEnricherTest {

    private static final int MAX_CHARS = 50;
    private static final EntityMention PAKISTAN = new EntityMention("country:pakistan", "Pakistan", "COUNTRY",
            "Pakistan", 0, 8, 0);

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void readableArticleIsEnrichedWithThePipelineVersion() throws Exception {
        ArticleIngested article = article("Pakistan and Turkey deepen ties.");
        EnrichmentOutcome outcome = enricher((text, date) -> List.of(PAKISTAN))
                .enrich(article.key(), mapper.writeValueAsString(article));

        assertThat(outcome).isInstanceOfSatisfying(EnrichmentOutcome.Enriched.class, e -> {
            assertThat(e.event().articleId()).isEqualTo(article.articleId());
            assertThat(e.event().pipelineVersion()).isEqualTo("v-test");
            assertThat(e.event().mentions()).containsExactly(PAKISTAN);
            // the offsets refer to the analysed text: the headline, a blank line, the cleaned text as ingested
            assertThat(e.event().article().text()).isEqualTo("Title\n\n" + article.article().text());
            assertThat(e.event().article().title()).isEqualTo("Title");
            assertThat(e.event().article().contentHash()).isEqualTo(article.article().contentHash());
            assertThat(e.event().article().publishedAt()).isEqualTo(article.article().publishedAt());
        });
    }

    @Test
    void theHeadlineIsAnalysedAsTheFirstParagraph() throws Exception {
        ArticleIngested article = article("The defence ministers met in Islamabad.");
        String[] analysed = new String[1];
        enricher((text, date) -> {
            analysed[0] = text;
            return List.of();
        }).enrich(article.key(), mapper.writeValueAsString(article));
        assertThat(analysed[0]).isEqualTo("Title\n\nThe defence ministers met in Islamabad.");
    }

    @Test
    void publicationDateIsHandedToThePipeline() throws Exception {
        ArticleIngested article = article("Pakistan on Saturday.");
        LocalDate[] seen = new LocalDate[1];
        enricher((text, date) -> {
            seen[0] = date;
            return List.of();
        }).enrich(article.key(), mapper.writeValueAsString(article));
        assertThat(seen[0]).isEqualTo(LocalDate.of(2025, 7, 9));
    }

    @Test
    void nonJsonMessageFailsAsUnreadableUnderItsKey() {
        UUID id = UUID.randomUUID();
        ArticleFailed failed = failure(enricher(nothing()).enrich(id.toString(), "this is { not json"));
        assertThat(failed.articleId()).isEqualTo(id);
        assertThat(failed.reason()).isEqualTo("unreadable-message");
        assertThat(failed.stage()).isEqualTo("nlp");
        assertThat(failed.pipelineVersion()).isEqualTo("v-test");
        assertThat(failed.detail()).contains("not JSON").doesNotContain("\tat ");
    }

    @Test
    void unreadableMessageWithoutKeyTakesTheArticleIdFromItsJson() {
        UUID id = UUID.randomUUID();
        String missingArticle = "{\"articleId\":\"" + id + "\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"occurredAt\":\"2025-07-09T10:00:00Z\"}";
        ArticleFailed failed = failure(enricher(nothing()).enrich(null, missingArticle));
        assertThat(failed.articleId()).isEqualTo(id);
        assertThat(failed.reason()).isEqualTo("unreadable-message");
        assertThat(failed.detail()).contains("required field article is missing").doesNotContain("org.dyad");
    }

    @Test
    void fieldOfTheWrongShapeIsNamedInTheFailure() throws Exception {
        ArticleIngested article = article("Pakistan.");
        String badDate = mapper.writeValueAsString(article).replace("\"2025-07-09\"", "\"last Tuesday\"");
        ArticleFailed failed = failure(enricher(nothing()).enrich(article.key(), badDate));
        assertThat(failed.articleId()).isEqualTo(article.articleId());
        assertThat(failed.reason()).isEqualTo("unreadable-message");
        assertThat(failed.detail()).contains("field article.publishedAt has an invalid value").doesNotContain("org.dyad");
    }

    @Test
    void unreadableMessageWithoutAnyIdGetsOneDerivedFromThePayload() {
        String payload = "garbage";
        ArticleFailed failed = failure(enricher(nothing()).enrich("not-a-uuid", payload));
        assertThat(failed.articleId()).isEqualTo(UUID.nameUUIDFromBytes(payload.getBytes(StandardCharsets.UTF_8)));
        assertThat(failed.reason()).isEqualTo("unreadable-message");
    }

    @Test
    void emptyAndNullValuesAreUnreadable() {
        assertThat(failure(enricher(nothing()).enrich(null, null)).reason()).isEqualTo("unreadable-message");
        assertThat(failure(enricher(nothing()).enrich(null, "null")).reason()).isEqualTo("unreadable-message");
    }

    @Test
    void textLongerThanTheLimitFailsAsTooLargeWithoutRunningThePipeline() throws Exception {
        // the limit is on the analysed text: the headline, a blank line and the cleaned text
        ArticleIngested article = article("x".repeat(MAX_CHARS + 1 - HEADED));
        ArticleFailed failed = failure(enricher((text, date) -> {
            throw new AssertionError("the pipeline must not see an over-long text");
        }).enrich(article.key(), mapper.writeValueAsString(article)));
        assertThat(failed.articleId()).isEqualTo(article.articleId());
        assertThat(failed.reason()).isEqualTo("too-large");
        assertThat(failed.detail()).contains(String.valueOf(MAX_CHARS + 1)).contains(String.valueOf(MAX_CHARS));
    }

    @Test
    void textOfExactlyTheLimitIsEnriched() throws Exception {
        ArticleIngested article = article("x".repeat(MAX_CHARS - HEADED));
        assertThat(enricher(nothing()).enrich(article.key(), mapper.writeValueAsString(article)))
                .isInstanceOf(EnrichmentOutcome.Enriched.class);
    }

    @Test
    void exceptionInThePipelineFailsAsPipelineError() throws Exception {
        ArticleIngested article = article("Pakistan.");
        ArticleFailed failed = failure(enricher((text, date) -> {
            throw new IllegalStateException("tagger exploded");
        }).enrich(article.key(), mapper.writeValueAsString(article)));
        assertThat(failed.articleId()).isEqualTo(article.articleId());
        assertThat(failed.reason()).isEqualTo("pipeline-error");
        assertThat(failed.detail()).contains("tagger exploded").doesNotContain("\tat ");
    }

    @Test
    void missingModelsAreNotBlamedOnTheArticle() throws Exception {
        ArticleIngested article = article("Pakistan.");
        assertThatThrownBy(() -> enricher((text, date) -> {
            throw new PipelineUnavailableException("the NLP models could not be loaded", null);
        }).enrich(article.key(), mapper.writeValueAsString(article)))
                .isInstanceOf(PipelineUnavailableException.class);
    }

    private static ArticleFailed failure(EnrichmentOutcome outcome) {
        assertThat(outcome).isInstanceOf(EnrichmentOutcome.Failed.class);
        return ((EnrichmentOutcome.Failed) outcome).event();
    }

    /** What the headline "Title" and its blank line add to an article's text. */
    private static final int HEADED = "Title\n\n".length();

    private static ArticleIngested article(String text) {
        return ArticleIngested.of(UUID.randomUUID(), ArticleContent.of("Title", text, "seed",
                "https://example.org/a", "en", LocalDate.of(2025, 7, 9)));
    }

    private static BiFunction<String, LocalDate, List<EntityMention>> nothing() {
        return (text, date) -> List.of();
    }

    private ArticleEnricher enricher(BiFunction<String, LocalDate, List<EntityMention>> annotate) {
        Pipeline pipeline = new Pipeline() {
            @Override
            public ParsedText parse(String text, LocalDate publishedAt) {
                return new ParsedText(text, publishedAt, List.of(), List.of(), annotate.apply(text, publishedAt),
                        List.of());
            }

            @Override
            public String version() {
                return "v-test";
            }
        };
        return new ArticleEnricher(pipeline, new ArticleAnalyser(), parsed -> List.of(), mapper, config());
    }

    private static NlpConfig config() {
        return new NlpConfig() {
            @Override
            public String pipelineVersion() {
                return "v-test";
            }

            @Override
            public int maxChars() {
                return MAX_CHARS;
            }

            @Override
            public int workers() {
                return 1;
            }
        };
    }
}
