package org.dyad.ingest.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dyad.ingest.cleaning.BoilerplateRules;

/**
 * Reads the plain-text article convention of the seeds: an optional leading {@code date YYYY-MM-DD}
 * header, then the article; a short first line without final punctuation, followed by more text,
 * is the headline, unless it is boilerplate ("Share the latest news updates").
 */
public final class PlainTextArticles {

    private static final Pattern DATE_HEADER = Pattern.compile("\\A\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})(?:[ \\t]+|\\s*\\R)");
    private static final int MAX_TITLE_CHARS = 200;
    private static final BoilerplateRules BOILERPLATE = BoilerplateRules.standard();

    private PlainTextArticles() {
    }

    /** Splits a plain-text body into header date, title and body. */
    public static ArticleDraft parse(String body) {
        String rest = body;
        LocalDate date = null;
        Matcher header = DATE_HEADER.matcher(rest);
        if (header.find()) {
            date = parseDate(header.group(1));
            rest = rest.substring(header.end());
        }
        String title = null;
        String trimmed = rest.stripLeading();
        int newline = trimmed.indexOf('\n');
        if (newline > 0) {
            String first = trimmed.substring(0, newline).strip();
            String after = trimmed.substring(newline + 1).strip();
            if (looksLikeHeadline(first) && !after.isEmpty()) {
                title = first;
                rest = after;
            }
        }
        return new ArticleDraft(title, rest, null, null, null, date, date == null ? null : "header");
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidArticleException("invalid-date", "The date header '" + value + "' is not a real date.");
        }
    }

    private static boolean looksLikeHeadline(String line) {
        if (line.isEmpty() || line.length() > MAX_TITLE_CHARS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return last != '.' && last != ':' && last != ',' && last != ';' && Character.isUpperCase(line.codePointAt(0))
                && BOILERPLATE.match(line).isEmpty();
    }
}
