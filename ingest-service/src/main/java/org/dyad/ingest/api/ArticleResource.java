package org.dyad.ingest.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dyad.ingest.config.IngestConfig;
import org.dyad.ingest.domain.Article;
import org.dyad.ingest.service.ArticleDraft;
import org.dyad.ingest.service.HtmlArticles;
import org.dyad.ingest.service.IngestService;
import org.dyad.ingest.service.InvalidArticleException;
import org.dyad.ingest.service.PlainTextArticles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Receives articles (JSON or plain text) and reports their ingest status. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
class ArticleResource {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final IngestService ingest;
    private final ObjectMapper json;
    private final IngestConfig config;

    ArticleResource(IngestService ingest, ObjectMapper json, IngestConfig config) {
        this.ingest = ingest;
        this.json = json;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ingestor")
    @Operation(summary = "Ingest one article sent as JSON")
    public Response postJson(byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        RequestText.checkSize(body, config.maxArticleBytes());
        ArticleRequest request;
        try {
            request = body == null || body.length == 0 ? null : json.readValue(body, ArticleRequest.class);
        } catch (IOException e) {
            throw problem("malformed-json", "The body is not a JSON article object.");
        }
        if (request == null) {
            throw problem("empty-body", "The request has no article.");
        }
        if (request.body() == null || request.body().isBlank()) {
            throw invalidField("body", "must not be blank");
        }
        return accept(draftOf(request), idempotencyKey);
    }

    /** The draft of a JSON article; its {@code publishedAt} must be an ISO date or date-time. */
    static ArticleDraft draftOf(ArticleRequest request) {
        LocalDate published = parsePublishedAt(request.publishedAt());
        return new ArticleDraft(request.title(), request.body(), request.source(), request.url(),
                request.language(), published, published == null ? null : "client");
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed("ingestor")
    @Operation(summary = "Ingest one article sent as plain text (optional first line ` date YYYY-MM-DD`)")
    public Response postText(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        RequestText.checkSize(body, config.maxArticleBytes());
        String text = RequestText.decode(body, type);
        if (text.isBlank()) {
            throw problem("empty-body", "The request has no article text.");
        }
        return accept(guard(() -> PlainTextArticles.parse(text)), idempotencyKey);
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @RolesAllowed("ingestor")
    @Operation(summary = "Ingest one article sent as an HTML page: main text, title, author and date are extracted")
    public Response postHtml(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("Content-Location") String url) {
        RequestText.checkSize(body, config.maxArticleBytes());
        String html = RequestText.decode(body, type);
        ArticleDraft draft = HtmlArticles.parse(html, url);
        if (draft.body() == null || draft.body().isBlank()) {
            throw problem("no-article-text", "No article text was found in the page.");
        }
        return accept(draft, idempotencyKey);
    }

    @GET
    @Path("{id}/status")
    @RolesAllowed({"ingestor", "analyst"})
    @Operation(summary = "The ingest status of an article: cleaned, enriched or failed (with the reason)")
    public ArticleStatusResponse status(@PathParam("id") String id) {
        IngestService.Stored stored = ingest.find(parseId(id))
                .orElseThrow(() -> HttpProblem.builder().withStatus(Response.Status.NOT_FOUND)
                        .withTitle("Article not found").withDetail("No article has id " + id + ".").build());
        Article article = stored.article();
        return new ArticleStatusResponse(article.id, article.status.apiName(), article.statusReason,
                article.pipelineVersion, article.createdAt, article.updatedAt, article.clusterId,
                stored.clusterSize(), article.nearDuplicateOf, article.nearDuplicateSimilarity);
    }

    private Response accept(ArticleDraft draft, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw problem("invalid-idempotency-key", "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters.");
        }
        IngestService.Outcome outcome = guard(() -> ingest.ingest(draft, idempotencyKey));
        URI location = URI.create("/api/v1/articles/" + outcome.id());
        AcceptedArticle body = new AcceptedArticle(outcome.id(), outcome.status(), !outcome.created(),
                location + "/status");
        // a relative Location: the gateway passes it on, and clients must not see the service's own address
        return (outcome.created() ? Response.accepted(body) : Response.ok(body))
                .header(HttpHeaders.LOCATION, location.toString()).build();
    }

    private static <T> T guard(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidArticleException e) {
            throw HttpProblem.builder().withStatus(statusOf(e)).withType(ProblemTypes.type(e.type()))
                    .withTitle(titleOf(e.type())).withDetail(e.getMessage()).build();
        }
    }

    static int statusOf(InvalidArticleException e) {
        return switch (e.type()) {
            case "idempotency-key-reused" -> 409;
            case "article-too-large" -> 413;
            default -> 400;
        };
    }

    private static LocalDate parsePublishedAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException e) {
            throw invalidField("publishedAt", "not an ISO date (2025-07-09) or date-time (2025-07-09T10:00:00Z)");
        }
    }

    private static HttpProblem invalidField(String field, String message) {
        return HttpProblem.builder().withStatus(400).withType(ProblemTypes.type("invalid-article"))
                .withTitle("Invalid article").withDetail(field + " " + message + ".")
                .with("violations", List.of(Map.of("field", field, "message", message)))
                .build();
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw problem("invalid-id", "An article id is a UUID.");
        }
    }

    static HttpProblem problem(String type, String detail) {
        return HttpProblem.builder().withStatus(400).withType(ProblemTypes.type(type)).withTitle(titleOf(type))
                .withDetail(detail).build();
    }

    private static String titleOf(String type) {
        String words = type.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
