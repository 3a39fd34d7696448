package org.dyad.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleIngested;
import org.dyad.ingest.cleaning.ArticleCleaner;
import org.dyad.ingest.cleaning.BoilerplateRules;
import org.dyad.ingest.cleaning.LanguageGuess;
import org.dyad.ingest.cleaning.TextCleaner;
import org.dyad.ingest.cleaning.TextDates;
import org.dyad.contracts.Topics;
import org.dyad.ingest.config.IngestConfig;
import org.dyad.ingest.dedup.NearDuplicateDetector;
import org.dyad.ingest.dedup.Signature;
import org.dyad.ingest.domain.Article;
import org.dyad.ingest.domain.ArticleBands;
import org.dyad.ingest.domain.ArticleStatus;
import org.dyad.ingest.domain.OutboxEvent;
import org.jboss.logging.MDC;

/**
 * Accepts an article: cleans it, stores it once (by content hash and Idempotency-Key) and queues its
 * {@code articles.ingested} event in the outbox within the same transaction.
 */
@ApplicationScoped
public class IngestService {

    private final ObjectMapper json;
    private final IngestConfig config;
    /** Stored articles compared with a new one at most: those sharing the most LSH bands with it. */
    private static final int MAX_CANDIDATES = 50;
    /** Below this, a language the client declared wins over the detected one. */
    private static final double MIN_LANGUAGE_CONFIDENCE = 0.5;

    private final ArticleCleaner cleaner = new ArticleCleaner(BoilerplateRules.standard());
    private final NearDuplicateDetector detector = NearDuplicateDetector.standard();

    private final OpenTelemetry openTelemetry;
    private final Counter created;
    private final Counter duplicates;

    IngestService(ObjectMapper json, IngestConfig config, OpenTelemetry openTelemetry, MeterRegistry metrics) {
        this.json = json;
        this.config = config;
        this.openTelemetry = openTelemetry;
        this.created = Counter.builder("dyad.articles.ingested").tag("outcome", "created")
                .description("Articles accepted and stored").register(metrics);
        this.duplicates = Counter.builder("dyad.articles.ingested").tag("outcome", "duplicate")
                .description("Articles refused as exact duplicates (the first id returned)").register(metrics);
    }

    /** The request id of the current request (set by the API's filter), or null outside a request. */
    private static String requestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }

    /** The W3C traceparent of the current span, or null while tracing is off. */
    private String traceParent() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** What became of an accepted article: a new record, or the one that already held the same text. */
    public record Outcome(UUID id, String status, boolean created) {
    }

    public Outcome ingest(ArticleDraft draft, String idempotencyKey) {
        Result result = ingestAll(List.of(new Submission(draft, idempotencyKey))).get(0);
        if (result.refused() != null) {
            throw result.refused();
        }
        return result.outcome();
    }

    /** One article to ingest: the draft and its idempotency key (or null). */
    public record Submission(ArticleDraft draft, String idempotencyKey) {
    }

    /** What became of one submission of a batch: an outcome, or the reason it was refused. */
    public record Result(Outcome outcome, InvalidArticleException refused) {
    }

    /**
     * Ingests several articles, in order, as one transaction: a batch pays one commit, not one per article.
     * The CPU work (cleaning, language, signature) is done first, outside the transaction. If the transaction
     * fails (another request stored the same text or key at the same moment), the articles are ingested again
     * one at a time, so one conflict costs the batch nothing but time.
     */
    public List<Result> ingestAll(List<Submission> submissions) {
        List<Object> prepared = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            try {
                prepared.add(prepare(submission));
            } catch (InvalidArticleException e) {
                prepared.add(e);
            }
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> storeAll(prepared));
        } catch (InvalidArticleException | PersistenceException conflict) {
            if (submissions.size() == 1) {
                if (conflict instanceof InvalidArticleException refused) {
                    return List.of(new Result(null, refused));
                }
                // raced with a request storing the same text or key: its article is the answer
                Prepared one = (Prepared) prepared.get(0);
                return List.of(QuarkusTransaction.requiringNew().call(() -> earlier(one))
                        .map(outcome -> {
                            duplicates.increment();
                            return new Result(outcome, null);
                        })
                        .orElseThrow(() -> (PersistenceException) conflict));
            }
            List<Result> results = new ArrayList<>(submissions.size());
            for (Submission submission : submissions) {
                results.addAll(ingestAll(List.of(submission)));
            }
            return results;
        }
    }

    /** An article cleaned, hashed, its language guessed and its signature made: ready to store. */
    private record Prepared(Submission submission, ArticleCleaner.Cleaned cleaned, String hash,
            LanguageGuess language, Signature signature) {
    }

    private Prepared prepare(Submission submission) {
        ArticleDraft draft = submission.draft();
        if (draft.body() == null || draft.body().isBlank()) {
            throw new InvalidArticleException("empty-body", "The article has no text.");
        }
        ArticleCleaner.Cleaned cleaned = cleaner.clean(draft.body());
        String text = cleaned.text();
        if (text.isEmpty()) {
            throw new InvalidArticleException("empty-body", "The article has no text once cleaned.");
        }
        if (text.length() > config.maxTextChars()) {
            throw new InvalidArticleException("article-too-large",
                    "The cleaned text has " + text.length() + " characters; the limit is " + config.maxTextChars() + ".");
        }
        return new Prepared(submission, cleaned, sha256(text), LanguageGuess.of(text), detector.signature(text));
    }

    /**
     * Within one transaction: each article is looked up (same text, same key) and stored if new. An idempotency
     * key reused for another text fails only its own submission when the batch has more than one; the lone
     * submission's refusal rolls back nothing but itself.
     */
    private List<Result> storeAll(List<Object> prepared) {
        List<Result> results = new ArrayList<>(prepared.size());
        for (Object item : prepared) {
            if (item instanceof InvalidArticleException refused) {
                results.add(new Result(null, refused));
                continue;
            }
            Prepared p = (Prepared) item;
            Optional<Outcome> earlier;
            try {
                earlier = earlier(p);
            } catch (InvalidArticleException refused) {
                if (prepared.size() == 1) {
                    throw refused;
                }
                results.add(new Result(null, refused));
                continue;
            }
            if (earlier.isPresent()) {
                duplicates.increment();
                results.add(new Result(earlier.get(), null));
            } else {
                results.add(new Result(store(p), null));
                created.increment();
            }
        }
        return results;
    }

    /** The article already holding this text or this key, in the current transaction. */
    private Optional<Outcome> earlier(Prepared p) {
        String idempotencyKey = p.submission().idempotencyKey();
        if (idempotencyKey != null) {
            Optional<Article> byKey = Article.findByIdempotencyKey(idempotencyKey);
            if (byKey.isPresent()) {
                if (!byKey.get().contentHash.equals(p.hash())) {
                    throw new InvalidArticleException("idempotency-key-reused",
                            "The Idempotency-Key was already used for a different article.");
                }
                return byKey.map(IngestService::existing);
            }
        }
        return Article.findByContentHash(p.hash()).map(IngestService::existing);
    }

    private static Outcome existing(Article article) {
        return new Outcome(article.id, article.status.apiName(), false);
    }

    private Outcome store(Prepared p) {
        ArticleDraft draft = p.submission().draft();
        ArticleCleaner.Cleaned cleaned = p.cleaned();
        String hash = p.hash();
        String idempotencyKey = p.submission().idempotencyKey();
        Instant now = Instant.now();
        LanguageGuess language = p.language();
        boolean declaredWins = draft.language() != null && !draft.language().isBlank()
                && language.confidence() < MIN_LANGUAGE_CONFIDENCE;

        Article article = new Article();
        article.id = UUID.randomUUID();
        article.title = draft.title() == null ? null : TextCleaner.clean(draft.title());
        article.rawText = draft.body();
        article.text = cleaned.text();
        article.cleaning = toJson(cleaned.record());
        article.source = draft.source();
        article.url = draft.url();
        article.author = draft.author();
        article.language = declaredWins ? draft.language().strip().toLowerCase(Locale.ROOT) : language.code();
        article.languageConfidence = declaredWins ? 0 : language.confidence();
        dateOf(draft, cleaned.text(), now, article);
        article.contentHash = hash;
        article.idempotencyKey = idempotencyKey;
        Signature signature = p.signature();
        long[] bands = detector.bandKeys(signature);
        article.signature = signature.toBytes();
        Optional<NearDuplicateDetector.Match> match = nearestCopy(signature, bands);
        article.clusterId = match.map(NearDuplicateDetector.Match::clusterId).orElse(article.id);
        article.nearDuplicateOf = match.map(NearDuplicateDetector.Match::articleId).orElse(null);
        article.nearDuplicateSimilarity = match.map(NearDuplicateDetector.Match::similarity).orElse(null);
        article.status = ArticleStatus.CLEANED;
        article.createdAt = now;
        article.updatedAt = now;
        article.persistAndFlush(); // before its band rows, which reference it
        ArticleBands.store(article.id, bands);

        ArticleContent content = new ArticleContent(article.title, article.text, article.source, article.url,
                article.author, article.language, article.languageConfidence, article.publishedAt,
                article.dateSource, hash, cleaned.record(), article.clusterId);
        ArticleIngested event = ArticleIngested.of(article.id, content);
        OutboxEvent outbox = new OutboxEvent();
        outbox.id = event.eventId();
        outbox.articleId = article.id;
        outbox.topic = Topics.ARTICLES_INGESTED;
        outbox.payload = toJson(event);
        outbox.createdAt = now;
        outbox.requestId = requestId();
        outbox.traceParent = traceParent();
        MDC.put("articleId", article.id.toString());
        outbox.persist();
        return new Outcome(article.id, article.status.apiName(), true);
    }

    /**
     * The most similar stored article among those sharing a band key, if it is a near duplicate. Two copies
     * arriving at the same instant may both miss each other and start two clusters; that costs a double count,
     * never a lost article, and keeps ingestion free of a global lock.
     */
    private Optional<NearDuplicateDetector.Match> nearestCopy(Signature signature, long[] bands) {
        List<NearDuplicateDetector.Candidate> candidates = new ArrayList<>();
        for (ArticleBands.Row row : ArticleBands.sharingMost(bands, MAX_CANDIDATES)) {
            Signature stored;
            try {
                stored = Signature.fromBytes(row.signature());
            } catch (IllegalArgumentException staleFormat) {
                continue; // made by another signature format: not comparable
            }
            if (stored.length() == detector.signatureLength()) {
                candidates.add(new NearDuplicateDetector.Candidate(row.articleId(), row.clusterId(), stored));
            }
        }
        return detector.bestMatch(signature, candidates);
    }

    /** The publication date and where it came from: the client or header, else the text, else the ingest time. */
    private static void dateOf(ArticleDraft draft, String text, Instant now, Article article) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (draft.publishedAt() != null) {
            article.publishedAt = draft.publishedAt();
            article.dateSource = draft.dateSource();
            return;
        }
        Optional<LocalDate> written = TextDates.find(text, today);
        article.publishedAt = written.orElse(today);
        article.dateSource = written.isPresent() ? "text" : "ingest-time";
    }

    /** A stored article and the size of its near-duplicate cluster. */
    public record Stored(Article article, long clusterSize) {
    }

    /** The ingest status of an article, if it exists. */
    public Optional<Stored> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(Article.<Article>findById(id))
                .map(a -> new Stored(a, a.clusterId == null ? 1 : Article.count("clusterId", a.clusterId))));
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise " + event.getClass().getSimpleName(), e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
