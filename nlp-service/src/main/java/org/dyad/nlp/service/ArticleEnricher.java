package org.dyad.nlp.service;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.ArticleFailed;
import org.dyad.contracts.ArticleIngested;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.CodedEvent;
import org.dyad.nlp.events.EventSource;
import org.dyad.nlp.analysis.ArticleAnalyser;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.config.NlpConfig;
import org.dyad.nlp.pipeline.Pipeline;
import org.dyad.nlp.pipeline.PipelineUnavailableException;
import org.dyad.nlp.service.EnrichmentOutcome.Enriched;
import org.dyad.nlp.service.EnrichmentOutcome.Failed;
import org.jboss.logging.Logger;

/**
 * The use case: one {@code articles.ingested} message in, one outcome out. Whatever is wrong with the message
 * becomes a {@link Failed} outcome, so a poison message is reported and never stalls the consumer.
 */
@ApplicationScoped
public class ArticleEnricher {

    static final String STAGE = "nlp";
    static final String UNREADABLE = "unreadable-message";
    static final String TOO_LARGE = "too-large";
    static final String PIPELINE_ERROR = "pipeline-error";

    private static final Logger LOG = Logger.getLogger(ArticleEnricher.class);
    private static final int MAX_DETAIL = 300;

    private final Pipeline pipeline;
    private final ArticleAnalyser analyser;
    private final EventSource events;
    private final ObjectMapper mapper;
    private final int maxChars;

    public ArticleEnricher(Pipeline pipeline, ArticleAnalyser analyser, EventSource events, ObjectMapper mapper,
            NlpConfig config) {
        this.pipeline = pipeline;
        this.analyser = analyser;
        this.events = events;
        this.mapper = mapper;
        this.maxChars = config.maxChars();
    }

    /**
     * Enriches the message with the given key and JSON value.
     *
     * @throws PipelineUnavailableException when the models are missing: the service is at fault, not the article
     */
    public EnrichmentOutcome enrich(String key, String value) {
        if (value == null || value.isBlank()) {
            return failed(fallbackId(key, value), UNREADABLE, "the message has no value");
        }
        ArticleIngested article;
        try {
            article = mapper.readValue(value, ArticleIngested.class);
        } catch (JsonProcessingException e) {
            return failed(articleIdOf(key, value), UNREADABLE,
                    "not a valid ArticleIngested event: " + describe(e));
        }
        if (article == null) {
            return failed(fallbackId(key, value), UNREADABLE, "the message is JSON null");
        }
        // the headline is analysed with the body: it often is the sentence that says what happened
        String text = article.article().analysedText();
        if (text.length() > maxChars) {
            return failed(article.articleId(), TOO_LARGE,
                    "the text has " + text.length() + " characters; the limit is " + maxChars);
        }
        Annotations annotations;
        try {
            ParsedText parsed = pipeline.parse(text, article.article().publishedAt());
            annotations = withEvents(analyser.analyse(parsed), events.code(parsed));
        } catch (PipelineUnavailableException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // The stack trace goes to the log; the event carries only what an operator needs to find it there.
            LOG.errorf(e, "NLP pipeline failed on article %s", article.articleId());
            return failed(article.articleId(), PIPELINE_ERROR, "the NLP pipeline failed on this article: "
                    + shorten(Optional.ofNullable(e.getMessage()).orElse("no message")));
        }
        return new Enriched(ArticleEnriched.of(article, pipeline.version(), annotations));
    }

    private static Annotations withEvents(Annotations a, List<CodedEvent> events) {
        return new Annotations(a.sentences(), a.mentions(), a.entities(), a.dates(), a.amounts(), a.quotes(),
                a.topics(), a.tone(), a.documentDate(), events);
    }

    /** The failure to report when an enrichment is too large for the topic it should go to. */
    public Failed unpublishable(ArticleEnriched event, String detail) {
        return failed(event.articleId(), TOO_LARGE, "the enriched event could not be published: " + shorten(detail));
    }

    private Failed failed(UUID articleId, String reason, String detail) {
        LOG.warnf("Article %s failed in %s: %s (%s)", articleId, STAGE, reason, detail);
        return new Failed(ArticleFailed.of(articleId, STAGE, reason, detail, pipeline.version()));
    }

    /** What is wrong with the JSON, in words for an operator: no class names, no parser internals. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "the value is not JSON";
        }
        if (e.getCause() instanceof NullPointerException missing && missing.getMessage() != null) {
            // the contracts' records reject a missing required field with the field's name
            return "required field " + missing.getMessage() + " is missing";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "field " + field + " has an invalid value";
        }
        return "the JSON is not an article event";
    }

    /** The key is the article id by contract; an unreadable event may still carry one in its JSON. */
    private UUID articleIdOf(String key, String value) {
        Optional<UUID> fromKey = uuid(key);
        if (fromKey.isPresent()) {
            return fromKey.get();
        }
        try {
            JsonNode id = mapper.readTree(value).path("articleId");
            if (id.isTextual()) {
                Optional<UUID> fromJson = uuid(id.asText());
                if (fromJson.isPresent()) {
                    return fromJson.get();
                }
            }
        } catch (JsonProcessingException notJson) {
            // nothing to read an id from: fall back on the payload itself
        }
        return fallbackId(null, value);
    }

    /** Without an id, the same bad payload always yields the same id, so repeated reports can be told apart. */
    private static UUID fallbackId(String key, String value) {
        return uuid(key).orElseGet(() -> UUID.nameUUIDFromBytes(
                (value == null ? "" : value).getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<UUID> uuid(String s) {
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(s.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_DETAIL ? one : one.substring(0, MAX_DETAIL) + "…";
    }
}
