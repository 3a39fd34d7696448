package org.dyad.query.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.dyad.contracts.ArticleFailed;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.Amount;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.DateMention;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.Quote;
import org.dyad.contracts.Sentence;
import org.dyad.contracts.TopicScore;
import org.dyad.query.service.ReadModelWriter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the read model from {@code articles.enriched}. Values arrive as text and are parsed here, so that
 * one unreadable message is logged, reported on {@code articles.failed} and skipped instead of stopping the
 * channel.
 */
@ApplicationScoped
class ArticlesEnrichedConsumer {

    static final String CHANNEL = "articles-enriched";

    private static final Logger LOG = Logger.getLogger(ArticlesEnrichedConsumer.class);

    /** Kafka header carrying the X-Request-Id of the request that stored the article (set by ingest). */
    static final String REQUEST_ID_HEADER = "dyad-request-id";

    private final ObjectMapper mapper;
    private final ReadModelWriter writer;
    private final Emitter<Record<String, ArticleFailed>> failed;

    ArticlesEnrichedConsumer(ObjectMapper mapper, ReadModelWriter writer,
            @Channel("articles-failed") Emitter<Record<String, ArticleFailed>> failed) {
        this.mapper = mapper;
        this.writer = writer;
        this.failed = failed;
    }

    // Blocking and ordered (the default): records of one partition, so of one article, apply in order.
    // A database failure propagates: the record is not acknowledged and the channel reports unhealthy.
    @Incoming(CHANNEL)
    @Blocking
    void consume(ConsumerRecord<String, String> record) {
        // the logs of applying an article name it and the request that stored it
        MDC.put("articleId", record.key() == null ? "" : record.key());
        Header requestId = requestIdOf(record);
        if (requestId != null && requestId.value() != null) {
            MDC.put("requestId", new String(requestId.value(), StandardCharsets.UTF_8));
        }
        try {
            read(record).ifPresent(writer::apply);
        } finally {
            MDC.remove("articleId");
            MDC.remove("requestId");
        }
    }

    private Optional<ArticleEnriched> read(ConsumerRecord<String, String> record) {
        String problem;
        if (record.value() == null) {
            problem = "no value";
        } else {
            try {
                ArticleEnriched event = mapper.readValue(record.value(), ArticleEnriched.class);
                problem = invalidity(event);
                if (problem == null) {
                    return Optional.of(event);
                }
            } catch (JsonProcessingException e) {
                // the parser's own message names the field; never the payload, which may be large
                problem = e.getOriginalMessage();
            }
        }
        LOG.warnf("Skipping unreadable message on %s partition %d offset %d, key %s: %s",
                record.topic(), record.partition(), record.offset(), record.key(), problem);
        reportFailure(record, problem);
        return Optional.empty();
    }

    /**
     * An enriched article the read model cannot take goes to {@code articles.failed} with the reason, so that its
     * ingest status says why it is not searchable; a record whose key is not an article id is only logged.
     */
    private void reportFailure(ConsumerRecord<String, String> record, String problem) {
        UUID articleId;
        try {
            articleId = record.key() == null ? null : UUID.fromString(record.key());
        } catch (IllegalArgumentException e) {
            articleId = null;
        }
        if (articleId == null) {
            return;
        }
        String detail = problem == null ? null : problem.length() > 500 ? problem.substring(0, 500) + "…" : problem;
        ArticleFailed event = ArticleFailed.of(articleId, "query", "unreadable-enrichment", detail, null);
        RecordHeaders headers = new RecordHeaders();
        Header requestId = requestIdOf(record);
        if (requestId != null) {
            headers.add(REQUEST_ID_HEADER, requestId.value());
        }
        failed.send(Message.of(Record.of(event.key(), event))
                .addMetadata(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build()));
    }

    private static Header requestIdOf(ConsumerRecord<String, String> record) {
        return record.headers() == null ? null : record.headers().lastHeader(REQUEST_ID_HEADER);
    }

    /** Why the event cannot be applied, or null when it can. */
    private static String invalidity(ArticleEnriched event) {
        if (event.article() == null || event.article().text() == null) {
            return "text is missing";
        }
        int length = event.article().text().length();
        Annotations a = event.annotations();
        for (EntityMention m : a.mentions()) {
            if (m == null || isBlank(m.entityId()) || isBlank(m.name()) || isBlank(m.type()) || m.text() == null) {
                return "a mention lacks its entity id, name, type or text";
            }
            if (outside(m.start(), m.end(), length)) {
                return "mention of " + m.entityId() + " has offsets " + m.start() + ".." + m.end();
            }
        }
        for (Entity e : a.entities()) {
            if (e == null || isBlank(e.id()) || isBlank(e.name()) || isBlank(e.type())) {
                return "an entity lacks its id, name or type";
            }
        }
        for (Sentence s : a.sentences()) {
            if (s == null || outside(s.start(), s.end(), length)) {
                return "a sentence is missing or has offsets outside the text";
            }
        }
        for (Quote q : a.quotes()) {
            if (q == null || q.text() == null || outside(q.start(), q.end(), length)) {
                return "a quote is missing its text or has offsets outside the text";
            }
        }
        for (Amount x : a.amounts()) {
            if (x == null || isBlank(x.kind()) || x.text() == null || outside(x.start(), x.end(), length)) {
                return "an amount lacks its kind or text, or has offsets outside the text";
            }
        }
        for (DateMention d : a.dates()) {
            if (d == null || d.text() == null || outside(d.start(), d.end(), length)) {
                return "a date lacks its text or has offsets outside the text";
            }
        }
        for (TopicScore t : a.topics()) {
            if (t == null || isBlank(t.topic())) {
                return "a topic has no id";
            }
        }
        for (CodedEvent e : a.events()) {
            if (e == null || isBlank(e.id()) || e.sources().stream().anyMatch(x -> x == null || isBlank(x.entityId()))
                    || e.targets().stream().anyMatch(x -> x == null || isBlank(x.entityId()))) {
                return "a coded event lacks its id or an actor's entity id";
            }
        }
        return null;
    }

    private static boolean outside(int start, int end, int length) {
        return start < 0 || end < start || end > length;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
