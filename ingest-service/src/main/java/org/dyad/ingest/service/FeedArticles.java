package org.dyad.ingest.service;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

/** Reads an RSS 2.0 or Atom document (Rome): each item becomes an article draft. */
public final class FeedArticles {

    private FeedArticles() {
    }

    /** The items of the feed, in document order. */
    public static List<ArticleDraft> parse(String xml) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no external entities from a posted document
            feed = input.build(new StringReader(xml));
        } catch (FeedException | IllegalArgumentException e) {
            throw new InvalidArticleException("invalid-feed", "The document is not a readable RSS 2.0 or Atom feed.");
        }
        String source = feed.getTitle() == null ? null : feed.getTitle().strip();
        return feed.getEntries().stream().map(entry -> draft(entry, source)).toList();
    }

    private static ArticleDraft draft(SyndEntry entry, String source) {
        String html = entry.getContents().stream().map(SyndContent::getValue)
                .filter(v -> v != null && !v.isBlank()).findFirst()
                .orElse(entry.getDescription() == null ? null : entry.getDescription().getValue());
        String body = html == null ? "" : HtmlArticles.fragmentText(html);
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        LocalDate published = date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        String author = entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : entry.getAuthor().strip();
        String title = entry.getTitle() == null ? null : entry.getTitle().strip();
        return new ArticleDraft(title, body, source, entry.getLink(), null, published,
                published == null ? null : "feed", author);
    }
}
