package org.dyad.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an HTML news page: the main text by Mozilla's Readability algorithm (readability4j), and the
 * title, author and publication date from JSON-LD {@code NewsArticle}, then Open Graph and article meta
 * tags. Scripts, styles and navigation never reach the text.
 */
public final class HtmlArticles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "ReportageNewsArticle",
            "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting");
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption";

    private HtmlArticles() {
    }

    public static ArticleDraft parse(String html, String url) {
        Document page = Jsoup.parse(html, url == null ? "" : url);
        Optional<JsonNode> ld = jsonLdArticle(page);

        String title = ld.map(n -> text(n, "headline")).filter(HtmlArticles::present)
                .or(() -> meta(page, "og:title"))
                .orElseGet(() -> present(page.title()) ? page.title().strip() : null);
        String author = ld.map(HtmlArticles::author).filter(HtmlArticles::present)
                .or(() -> meta(page, "author"))
                .or(() -> meta(page, "article:author"))
                .orElse(null);
        LocalDate published = ld.map(n -> date(text(n, "datePublished")))
                .or(() -> meta(page, "article:published_time").map(HtmlArticles::date))
                .or(() -> meta(page, "og:published_time").map(HtmlArticles::date))
                .or(() -> meta(page, "date").map(HtmlArticles::date))
                .or(() -> Optional.ofNullable(page.selectFirst("time[datetime]")).map(t -> date(t.attr("datetime"))))
                .orElse(null);
        String source = meta(page, "og:site_name").orElse(null);

        String body = mainText(html, url);
        return new ArticleDraft(title, body, source, url, null, published, published == null ? null : "html-meta",
                author);
    }

    /** The text of an HTML fragment (a feed item's content), as paragraphs separated by empty lines. */
    public static String fragmentText(String html) {
        return paragraphs(Jsoup.parseBodyFragment(html).body());
    }

    /** The main text as paragraphs separated by empty lines. */
    private static String mainText(String html, String url) {
        Article article = new Readability4J(url == null ? "" : url, html).parse();
        Element content = article.getArticleContent();
        return content == null ? "" : paragraphs(content);
    }

    private static String paragraphs(Element content) {
        content.select("script, style, noscript, template, nav, header, footer, aside, form, iframe, svg").remove();
        List<String> paragraphs = new ArrayList<>();
        for (Element block : content.select(BLOCKS)) {
            if (block.select(BLOCKS).size() > 1) {
                continue; // read through its inner blocks, so no text comes twice
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            return content.text().strip();
        }
        return String.join("\n\n", paragraphs);
    }

    private static Optional<JsonNode> jsonLdArticle(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                Optional<JsonNode> found = findArticle(JSON.readTree(script.data()));
                if (found.isPresent()) {
                    return found;
                }
            } catch (Exception malformed) {
                // a page's broken JSON-LD is not the article's fault: fall back to meta tags
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> findArticle(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<JsonNode> found = findArticle(item);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        JsonNode type = node.get("@type");
        if (type != null && (type.isArray() ? streamHas(type) : ARTICLE_TYPES.contains(type.asText()))) {
            return Optional.of(node);
        }
        return findArticle(node.get("@graph"));
    }

    private static boolean streamHas(JsonNode types) {
        for (JsonNode t : types) {
            if (ARTICLE_TYPES.contains(t.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String author(JsonNode article) {
        JsonNode author = article.get("author");
        if (author == null) {
            return null;
        }
        if (author.isArray()) {
            List<String> names = new ArrayList<>();
            author.forEach(a -> names.add(a.isTextual() ? a.asText() : text(a, "name")));
            return String.join(", ", names.stream().filter(HtmlArticles::present).toList());
        }
        return author.isTextual() ? author.asText() : text(author, "name");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText().strip();
    }

    private static Optional<String> meta(Document page, String name) {
        Element tag = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return tag == null ? Optional.empty() : Optional.of(tag.attr("content").strip()).filter(HtmlArticles::present);
    }

    private static LocalDate date(String value) {
        if (!present(value)) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(value.substring(0, Math.min(10, value.length())));
            } catch (DateTimeException | StringIndexOutOfBoundsException unreadable) {
                return null;
            }
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
