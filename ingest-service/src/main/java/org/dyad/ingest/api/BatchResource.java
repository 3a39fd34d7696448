package org.dyad.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.dyad.ingest.config.IngestConfig;
import org.dyad.ingest.service.ArticleDraft;
import org.dyad.ingest.service.FeedArticles;
import org.dyad.ingest.service.IngestService;
import org.dyad.ingest.service.InvalidArticleException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Many articles in one request: NDJSON (one JSON article a line) or an RSS 2.0/Atom feed (one article an
 * item). The answer is NDJSON, one result a line in input order, streamed as the lines are processed,
 * then a summary line; a bad line fails alone and the good ones are kept.
 */
@Path("/api/v1/articles/batch")
@Produces(BatchResource.NDJSON)
class BatchResource {

    static final String NDJSON = "application/x-ndjson";

    private final IngestService ingest;
    private final ObjectMapper json;
    private final IngestConfig config;

    BatchResource(IngestService ingest, ObjectMapper json, IngestConfig config) {
        this.ingest = ingest;
        this.json = json;
        this.config = config;
    }

    @POST
    @Consumes({NDJSON, "application/jsonl", "application/jsonlines"})
    @RolesAllowed("ingestor")
    @Operation(summary = "Ingest articles from NDJSON, one JSON article a line; one result a line")
    public Response ndjson(InputStream body) {
        StreamingOutput stream = out -> {
            Results results = new Results(out);
            int lineNumber = 0;
            LineReader in = new LineReader(body);
            byte[] line;
            List<Object> chunk = new ArrayList<>(CHUNK);
            while ((line = in.next(config.maxArticleBytes())) != null) {
                lineNumber++;
                if (isBlank(line)) {
                    continue;
                }
                chunk.add(process(lineNumber, line));
                if (chunk.size() == CHUNK) {
                    results.submit(chunk);
                }
            }
            results.finish(chunk);
        };
        return Response.ok(stream, NDJSON).build();
    }

    @POST
    @Consumes({"application/rss+xml", "application/atom+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed("ingestor")
    @Operation(summary = "Ingest the items of an RSS 2.0 or Atom feed document; one result an item")
    public Response feed(byte[] body, @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
        String xml = RequestText.decode(body, type);
        List<ArticleDraft> items;
        try {
            items = FeedArticles.parse(xml);
        } catch (InvalidArticleException e) {
            throw ArticleResource.problem(e.type(), e.getMessage());
        }
        StreamingOutput stream = out -> {
            Results results = new Results(out);
            List<Object> chunk = new ArrayList<>(CHUNK);
            for (int i = 0; i < items.size(); i++) {
                ArticleDraft item = items.get(i);
                chunk.add(new Pending(i + 1, submission(item, item.url())));
                if (chunk.size() == CHUNK) {
                    results.submit(chunk);
                }
            }
            results.finish(chunk);
        };
        return Response.ok(stream, NDJSON).build();
    }

    /** Lines stored per transaction: one commit for up to this many articles. */
    private static final int CHUNK = 100;

    /** A line that parsed and awaits storing. */
    private record Pending(int lineNumber, IngestService.Submission submission) {
    }

    /**
     * Stores chunks and writes every line's result, in line order. A chunk is prepared on the request's thread
     * (and the preparation threads) while the previous chunk is being stored on a storing thread: the processors
     * and the database work at the same time. Chunks are stored one after the other, so a line always finds the
     * articles of the lines before it.
     */
    private final class Results {
        private final OutputStream out;
        private final Counts counts = new Counts();
        private List<Object> storingLines = List.of();
        private CompletableFuture<List<IngestService.Result>> storing;

        Results(OutputStream out) {
            this.out = out;
        }

        /** Prepares the chunk's pending lines, writes the previous chunk's results, and hands this one over. */
        void submit(List<Object> chunk) throws IOException {
            List<IngestService.Submission> submissions = chunk.stream().filter(Pending.class::isInstance)
                    .map(item -> ((Pending) item).submission()).toList();
            IngestService.PreparedChunk prepared = submissions.isEmpty() ? null : ingest.prepare(submissions);
            drain();
            storingLines = List.copyOf(chunk);
            storing = prepared == null ? CompletableFuture.completedFuture(List.of()) : ingest.storeLater(prepared);
            chunk.clear();
        }

        /** The last chunk, then the summary line. */
        void finish(List<Object> chunk) throws IOException {
            submit(chunk);
            drain();
            write(out, counts.summary());
            out.flush();
        }

        private void drain() throws IOException {
            if (storing == null) {
                return;
            }
            List<IngestService.Result> results;
            try {
                results = storing.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            } finally {
                storing = null;
            }
            int next = 0;
            for (Object item : storingLines) {
                if (item instanceof Pending p) {
                    write(out, counts.add(result(p.lineNumber(), results.get(next++))));
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> failure = (Map<String, Object>) item;
                    write(out, counts.add(failure));
                }
            }
            out.flush(); // the results of a chunk go out together: a client sees progress every chunk
        }
    }

    private static IngestService.Submission submission(ArticleDraft draft, String clientId) {
        return new IngestService.Submission(draft, clientId == null || clientId.isBlank() ? null
                : "client-id:" + clientId);
    }

    private static Map<String, Object> result(int lineNumber, IngestService.Result result) {
        if (result.refused() != null) {
            return failure(lineNumber, ArticleResource.statusOf(result.refused()), result.refused().type(),
                    result.refused().getMessage());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", lineNumber);
        line.put("status", result.outcome().created() ? 202 : 200);
        line.put("id", result.outcome().id());
        line.put("duplicate", !result.outcome().created());
        return line;
    }

    /** A line's failure (a map), or the article it holds, pending. */
    private Object process(int lineNumber, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failure(lineNumber, 400, "invalid-encoding", "The line is not valid UTF-8.");
        }
        if (bytes.length > config.maxArticleBytes()) {
            return failure(lineNumber, 413, "article-too-large",
                    "The line is over " + config.maxArticleBytes() + " bytes.");
        }
        ArticleRequest request;
        try {
            request = json.readValue(text, ArticleRequest.class);
        } catch (JsonProcessingException e) {
            return failure(lineNumber, 400, "malformed-json", "The line is not a JSON article object.");
        }
        if (request == null || request.body() == null || request.body().isBlank()) {
            return failure(lineNumber, 400, "invalid-article", "body must not be blank.");
        }
        ArticleDraft draft;
        try {
            draft = ArticleResource.draftOf(request);
        } catch (HttpProblem problem) {
            return failure(lineNumber, problem.getStatusCode(), slug(problem), problem.getDetail());
        }
        return new Pending(lineNumber, submission(draft, request.id()));
    }

    private static Map<String, Object> failure(int lineNumber, int status, String type, String detail) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("line", lineNumber);
        result.put("status", status);
        result.put("type", ProblemTypes.PREFIX + type);
        result.put("detail", detail);
        return result;
    }

    private static String slug(HttpProblem problem) {
        String type = problem.getType() == null ? "" : problem.getType().toString();
        return type.startsWith(ProblemTypes.PREFIX) ? type.substring(ProblemTypes.PREFIX.length())
                : ProblemTypes.slug(problem.getStatusCode());
    }

    private void write(OutputStream out, Map<String, Object> line) throws IOException {
        out.write(json.writeValueAsBytes(line));
        out.write('\n');
    }

    /**
     * The next line's bytes without its terminator, or null at the end. A line longer than {@code limit}
     * is read to its end but only its first {@code limit + 1} bytes are kept, so memory stays bounded.
     */
    static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int end;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next(int limit) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            boolean any = false;
            while (true) {
                if (position == end) {
                    int read = in.read(buffer, 0, buffer.length);
                    if (read <= 0) {
                        break;
                    }
                    position = 0;
                    end = read;
                }
                any = true;
                int newline = -1;
                for (int i = position; i < end; i++) {
                    if (buffer[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                int stop = newline < 0 ? end : newline;
                int keep = Math.min(stop - position, Math.max(0, limit + 1 - line.size()));
                line.write(buffer, position, keep);
                position = newline < 0 ? end : newline + 1;
                if (newline >= 0) {
                    break;
                }
            }
            if (!any) {
                return null;
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r' && length <= limit) {
                length--;
            }
            return length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Running totals for the summary line. */
    private static final class Counts {
        int accepted;
        int duplicates;
        int failed;

        Map<String, Object> add(Map<String, Object> result) {
            int status = (Integer) result.get("status");
            if (status == 202) {
                accepted++;
            } else if (status == 200) {
                duplicates++;
            } else {
                failed++;
            }
            return result;
        }

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("summary", true);
            summary.put("accepted", accepted);
            summary.put("duplicates", duplicates);
            summary.put("failed", failed);
            return summary;
        }
    }

}
