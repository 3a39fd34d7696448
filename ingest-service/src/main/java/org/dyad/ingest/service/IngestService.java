package org.dyad.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.dyad.ingest.domain.ArticleRows;
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

    /** A chunk is split across the preparation threads only in parts of at least this many articles. */
    private static final int MIN_PER_PREPARER = 8;

    private final OpenTelemetry openTelemetry;
    private final AgroalDataSource dataSource;
    private final Counter created;
    private final Counter duplicates;
    /**
     * Cleaning, language detection and signatures are CPU work: a chunk is prepared on as many threads as the
     * process has processors (the container's limit, in Kubernetes), the caller's thread being one of them.
     */
    private final int preparers = Runtime.getRuntime().availableProcessors();
    private final ExecutorService preparation = Executors.newFixedThreadPool(Math.max(1, preparers - 1),
            Thread.ofPlatform().name("article-preparation-", 0).daemon().factory());
    /** Stores chunks handed over by batches ({@link #storeLater}); one thread per batch being stored at once. */
    private final ExecutorService storing = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("article-storing-", 0).daemon().factory());

    IngestService(ObjectMapper json, IngestConfig config, OpenTelemetry openTelemetry, MeterRegistry metrics,
            AgroalDataSource dataSource) {
        this.json = json;
        this.config = config;
        this.openTelemetry = openTelemetry;
        this.dataSource = dataSource;
        this.created = Counter.builder("dyad.articles.ingested").tag("outcome", "created")
                .description("Articles accepted and stored").register(metrics);
        this.duplicates = Counter.builder("dyad.articles.ingested").tag("outcome", "duplicate")
                .description("Articles refused as exact duplicates (the first id returned)").register(metrics);
    }

    @PreDestroy
    void stop() {
        preparation.shutdownNow();
        storing.shutdownNow();
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

    /** A conflict with another transaction storing the same text or key at the same moment. */
    private static final class Conflict extends RuntimeException {
        Conflict(SQLException cause) {
            super(cause);
        }
    }

    /**
     * Ingests several articles, in order, as one transaction: a batch pays one commit and a handful of
     * statements, not several per article. The CPU work (cleaning, language, signature) is done first, outside
     * the transaction and on several threads. If the transaction fails (another request stored the same text or
     * key at the same moment), the articles are ingested again one at a time, so one conflict costs the batch
     * nothing but time.
     */
    public List<Result> ingestAll(List<Submission> submissions) {
        return store(prepare(submissions));
    }

    /**
     * A chunk of submissions prepared (or refused), with the request id and trace of the request that sent
     * them: storing may happen on another thread.
     */
    public static final class PreparedChunk {
        private final List<Object> items;
        private final String requestId;
        private final String traceParent;

        private PreparedChunk(List<Object> items, String requestId, String traceParent) {
            this.items = items;
            this.requestId = requestId;
            this.traceParent = traceParent;
        }

        public int size() {
            return items.size();
        }
    }

    /** Cleans, hashes and signs the submissions (CPU work, no database), on the preparation threads. */
    public PreparedChunk prepare(List<Submission> submissions) {
        return new PreparedChunk(prepareAll(submissions), requestId(), traceParent());
    }

    /** Stores a prepared chunk, in order, in one transaction (see {@link #ingestAll}). */
    public List<Result> store(PreparedChunk chunk) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> storeAll(chunk));
        } catch (InvalidArticleException | Conflict conflict) {
            if (chunk.size() == 1) {
                if (conflict instanceof InvalidArticleException refused) {
                    return List.of(new Result(null, refused));
                }
                // raced with a request storing the same text or key: its article is the answer
                return QuarkusTransaction.requiringNew().call(() -> storeAll(chunk));
            }
            List<Result> results = new ArrayList<>(chunk.size());
            for (Object item : chunk.items) {
                results.addAll(store(new PreparedChunk(List.of(item), chunk.requestId, chunk.traceParent)));
            }
            return results;
        }
    }

    /**
     * Stores a prepared chunk on a storing thread, so that the caller can prepare the next chunk meanwhile:
     * a batch keeps the processors busy with the next chunk while the database writes this one.
     */
    public CompletableFuture<List<Result>> storeLater(PreparedChunk chunk) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store(chunk);
            } finally {
                MDC.remove("articleId"); // a storing thread serves many requests
            }
        }, storing);
    }

    /** Prepares the submissions, in order; a chunk is split across the preparation threads. */
    private List<Object> prepareAll(List<Submission> submissions) {
        int n = submissions.size();
        int parts = Math.min(preparers, n / MIN_PER_PREPARER);
        if (parts <= 1) {
            return prepareRange(submissions, 0, n);
        }
        List<Future<List<Object>>> others = new ArrayList<>(parts - 1);
        int size = (n + parts - 1) / parts;
        for (int start = size; start < n; start += size) {
            int from = start;
            int to = Math.min(n, start + size);
            others.add(preparation.submit(() -> prepareRange(submissions, from, to)));
        }
        List<Object> prepared = new ArrayList<>(n);
        prepared.addAll(prepareRange(submissions, 0, size)); // the caller's thread takes the first part
        for (Future<List<Object>> part : others) {
            try {
                prepared.addAll(part.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while preparing articles", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return prepared;
    }

    private List<Object> prepareRange(List<Submission> submissions, int from, int to) {
        List<Object> prepared = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            try {
                prepared.add(prepare(submissions.get(i)));
            } catch (InvalidArticleException e) {
                prepared.add(e);
            }
        }
        return prepared;
    }

    /** An article cleaned, hashed, its language guessed and its signature and band keys made: ready to store. */
    private record Prepared(Submission submission, ArticleCleaner.Cleaned cleaned, String hash,
            LanguageGuess language, Signature signature, long[] bands) {
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
        Signature signature = detector.signature(text);
        return new Prepared(submission, cleaned, sha256(text), LanguageGuess.of(text), signature,
                detector.bandKeys(signature));
    }

    /**
     * Within one transaction: the chunk's articles are looked up (same text, same key) with one statement each,
     * the new ones matched against their near-duplicate candidates (stored ones, found with one statement, and
     * earlier ones of the same chunk), then inserted with one batch per table. An idempotency key reused for
     * another text fails only its own submission when the chunk has more than one; the lone submission's refusal
     * rolls back nothing but itself.
     */
    private List<Result> storeAll(PreparedChunk chunk) {
        try (Connection c = dataSource.getConnection()) {
            return storeAll(c, chunk.items, chunk.requestId, chunk.traceParent);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())
                    || e.getNextException() != null && "23505".equals(e.getNextException().getSQLState())) {
                throw new Conflict(e); // unique violation: the same text or key stored at the same moment
            }
            throw new IllegalStateException("could not store articles: " + e.getMessage(), e);
        }
    }

    private List<Result> storeAll(Connection c, List<Object> prepared, String requestId, String traceParent)
            throws SQLException {
        List<Prepared> valid = prepared.stream().filter(Prepared.class::isInstance).map(Prepared.class::cast).toList();
        Set<String> keys = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (Prepared p : valid) {
            hashes.add(p.hash());
            if (p.submission().idempotencyKey() != null) {
                keys.add(p.submission().idempotencyKey());
            }
        }
        Map<String, ArticleRows.Existing> byKey = ArticleRows.byIdempotencyKey(c, keys);
        Map<String, ArticleRows.Existing> byHash = ArticleRows.byContentHash(c, hashes);
        List<long[]> bands = valid.stream().map(Prepared::bands).toList();
        Map<Integer, List<NearDuplicateDetector.Candidate>> stored = new HashMap<>();
        for (ArticleRows.Candidate row : ArticleRows.sharingMost(c, bands, MAX_CANDIDATES)) {
            Signature signature;
            try {
                signature = Signature.fromBytes(row.signature());
            } catch (IllegalArgumentException staleFormat) {
                continue; // made by another signature format: not comparable
            }
            if (signature.length() == detector.signatureLength()) {
                stored.computeIfAbsent(row.index(), i -> new ArrayList<>())
                        .add(new NearDuplicateDetector.Candidate(row.articleId(), row.clusterId(), signature));
            }
        }

        Instant now = Instant.now();
        // what this chunk stores, so a later line of it finds an earlier one as the database would
        Map<String, Article> chunkByHash = new HashMap<>();
        Map<String, Article> chunkByKey = new HashMap<>();
        Map<Long, List<NearDuplicateDetector.Candidate>> chunkBands = new HashMap<>();
        List<Article> articles = new ArrayList<>();
        List<long[]> articleBands = new ArrayList<>();
        List<OutboxEvent> outbox = new ArrayList<>();
        List<Result> results = new ArrayList<>(prepared.size());
        int index = -1;
        for (Object item : prepared) {
            if (item instanceof InvalidArticleException refused) {
                results.add(new Result(null, refused));
                continue;
            }
            Prepared p = (Prepared) item;
            index++;
            String key = p.submission().idempotencyKey();
            Optional<Outcome> earlier = Optional.empty();
            if (key != null) {
                String keyHash = byKey.containsKey(key) ? byKey.get(key).contentHash()
                        : chunkByKey.containsKey(key) ? chunkByKey.get(key).contentHash : null;
                if (keyHash != null && !keyHash.equals(p.hash())) {
                    InvalidArticleException refused = new InvalidArticleException("idempotency-key-reused",
                            "The Idempotency-Key was already used for a different article.");
                    if (prepared.size() == 1) {
                        throw refused;
                    }
                    results.add(new Result(null, refused));
                    continue;
                }
                earlier = Optional.ofNullable(byKey.get(key)).map(IngestService::existing)
                        .or(() -> Optional.ofNullable(chunkByKey.get(key)).map(IngestService::existing));
            }
            if (earlier.isEmpty()) {
                earlier = Optional.ofNullable(byHash.get(p.hash())).map(IngestService::existing)
                        .or(() -> Optional.ofNullable(chunkByHash.get(p.hash())).map(IngestService::existing));
            }
            if (earlier.isPresent()) {
                duplicates.increment();
                results.add(new Result(earlier.get(), null));
                continue;
            }
            List<NearDuplicateDetector.Candidate> candidates = new ArrayList<>(stored.getOrDefault(index, List.of()));
            Set<UUID> seen = new HashSet<>();
            for (long band : p.bands()) {
                for (NearDuplicateDetector.Candidate candidate : chunkBands.getOrDefault(band, List.of())) {
                    if (seen.add(candidate.articleId())) {
                        candidates.add(candidate);
                    }
                }
            }
            Article article = article(p, detector.bestMatch(p.signature(), candidates), now);
            articles.add(article);
            articleBands.add(p.bands());
            outbox.add(outboxEvent(article, p, now, requestId, traceParent));
            chunkByHash.put(article.contentHash, article);
            if (key != null) {
                chunkByKey.put(key, article);
            }
            NearDuplicateDetector.Candidate self = new NearDuplicateDetector.Candidate(article.id, article.clusterId,
                    p.signature());
            for (long band : p.bands()) {
                chunkBands.computeIfAbsent(band, b -> new ArrayList<>()).add(self);
            }
            results.add(new Result(new Outcome(article.id, article.status.apiName(), true), null));
        }
        if (!articles.isEmpty()) {
            ArticleRows.insert(c, articles, articleBands, outbox);
            created.increment(articles.size());
            if (articles.size() == 1) {
                MDC.put("articleId", articles.get(0).id.toString());
            }
        }
        return results;
    }

    private static Outcome existing(ArticleRows.Existing article) {
        return new Outcome(article.id(), article.status().apiName(), false);
    }

    private static Outcome existing(Article article) {
        return new Outcome(article.id, article.status.apiName(), false);
    }

    /** The row of a new article; it joins its best match's cluster, or starts its own. */
    private Article article(Prepared p, Optional<NearDuplicateDetector.Match> match, Instant now) {
        ArticleDraft draft = p.submission().draft();
        ArticleCleaner.Cleaned cleaned = p.cleaned();
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
        article.contentHash = p.hash();
        article.idempotencyKey = p.submission().idempotencyKey();
        article.signature = p.signature().toBytes();
        article.clusterId = match.map(NearDuplicateDetector.Match::clusterId).orElse(article.id);
        article.nearDuplicateOf = match.map(NearDuplicateDetector.Match::articleId).orElse(null);
        article.nearDuplicateSimilarity = match.map(NearDuplicateDetector.Match::similarity).orElse(null);
        article.status = ArticleStatus.CLEANED;
        article.createdAt = now;
        article.updatedAt = now;
        return article;
    }

    private OutboxEvent outboxEvent(Article article, Prepared p, Instant now, String requestId, String traceParent) {
        ArticleContent content = new ArticleContent(article.title, article.text, article.source, article.url,
                article.author, article.language, article.languageConfidence, article.publishedAt,
                article.dateSource, article.contentHash, p.cleaned().record(), article.clusterId);
        ArticleIngested event = ArticleIngested.of(article.id, content);
        OutboxEvent outbox = new OutboxEvent();
        outbox.id = event.eventId();
        outbox.articleId = article.id;
        outbox.topic = Topics.ARTICLES_INGESTED;
        outbox.payload = toJson(event);
        outbox.createdAt = now;
        outbox.requestId = requestId;
        outbox.traceParent = traceParent;
        return outbox;
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

    /** One digest a thread: looking SHA-256 up among the security providers for each article cost more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String sha256(String text) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
