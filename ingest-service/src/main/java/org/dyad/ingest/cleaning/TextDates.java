package org.dyad.ingest.cleaning;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a publication date written near the top of an article ("July 9, 2025", "9 July 2025",
 * "2025-07-09"), for articles that came without one. Relative dates are left to NLP.
 */
public final class TextDates {

    /** Only the head of the article is read: a date further down is about something else. */
    static final int HEAD_CHARS = 400;
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern CANDIDATE = Pattern.compile(
            "\\b(?:" + MONTH + " \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? " + MONTH + ",? \\d{4}"
                    + "|\\d{4}-\\d{2}-\\d{2})\\b");
    private static final List<DateTimeFormatter> FORMATS = List.of(
            format("MMMM d uuuu"), format("MMM d uuuu"), format("d MMMM uuuu"), format("d MMM uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private TextDates() {
    }

    /** The first plausible date in the head of the text, not after {@code latest}. */
    public static Optional<LocalDate> find(String text, LocalDate latest) {
        String head = text.length() <= HEAD_CHARS ? text : text.substring(0, HEAD_CHARS);
        Matcher m = CANDIDATE.matcher(head);
        while (m.find()) {
            String value = m.group().replace(",", "").replace(".", "").replaceAll("(\\d)(st|nd|rd|th)", "$1")
                    .replace("Sept ", "Sep ");
            for (DateTimeFormatter format : FORMATS) {
                try {
                    LocalDate date = LocalDate.parse(value, format);
                    if (date.getYear() >= 1900 && !date.isAfter(latest)) {
                        return Optional.of(date);
                    }
                } catch (DateTimeException notThisFormat) {
                    // try the next one
                }
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter format(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
