package org.dyad.nlp.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dyad.contracts.DateMention;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;

/**
 * The dates written in an article, normalised by {@link DateResolver} against the document date. Spans are the
 * engine's DATE tokens, plus the expressions it left untagged ("last week", "Thursday", "9 July 2025").
 */
final class DateFinder {

    /** Words that join two dates in one engine span ("between 2013 and 2018"). */
    private static final Set<String> CONNECTORS = Set.of("and", "to", "through", "until", "till", "-", "–", "—", "or",
            "/");
    /** Words that put a sentence in the future, so a bare weekday or month is the next one. */
    private static final Set<String> FUTURE_MARKERS = Set.of("will", "shall", "'ll", "wo", "upcoming", "scheduled",
            "expected", "plan", "plans", "planned", "due", "set", "going");
    private static final int FUTURE_REACH = 4;
    private static final Set<String> RELATIVE_ENDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "today", "yesterday", "tomorrow", "week", "month", "year", "ago");
    private static final Pattern YEAR_TOKEN = Pattern.compile("(?:19|20)\\d{2}");
    private static final String MONTH = DateResolver.MONTH;
    private static final String YEAR = "(?:19|20)\\d{2}";
    /**
     * What a date looks like when the engine tagged none (its SUTime switched off): relative expressions, and
     * written dates with a year ("9 July 2025", "July 9, 2025", "November 2017", "in 2014").
     */
    private static final Pattern UNTAGGED = Pattern.compile("(?i)\\b(?:(?:last|next|this|coming|past) )?"
            + "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b"
            + "|\\b(?:earlier |later )?today\\b|\\byesterday\\b|\\btomorrow\\b"
            + "|\\b(?:last|next|this|past|previous|coming) (?:week|month|year)\\b"
            + "|\\b(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (?:day|week|month|year)s? ago\\b"
            + "|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR + "\\b"
            + "|\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+" + YEAR + "\\b"
            + "|\\b" + MONTH + ",?\\s+" + YEAR + "\\b"
            + "|(?<=\\b(?:in|since|by|until|from|of|between|and|before|after) )" + YEAR + "\\b");

    private DateFinder() {
    }

    static List<DateMention> find(ParsedText parsed, LocalDate anchor) {
        List<DateMention> found = new ArrayList<>();
        List<int[]> engineSpans = new ArrayList<>();
        List<Token> span = new ArrayList<>();
        for (Token t : parsed.tokens()) {
            if (!span.isEmpty() && !continues(span.get(span.size() - 1), t)) {
                engineSpans.add(range(span));
                addSpan(parsed, span, anchor, found);
                span.clear();
            }
            if ("DATE".equals(t.ner())) {
                span.add(t);
            }
        }
        if (!span.isEmpty()) {
            engineSpans.add(range(span));
            addSpan(parsed, span, anchor, found);
        }
        // Only around the words that can end a date, so the pattern never scans the whole text.
        Matcher m = UNTAGGED.matcher(parsed.text()).useTransparentBounds(true).useAnchoringBounds(false);
        List<Token> tokens = parsed.tokens();
        int scanned = 0;
        for (Token t : tokens) {
            String word = t.word().toLowerCase(Locale.ROOT);
            if (!(RELATIVE_ENDS.contains(word) || YEAR_TOKEN.matcher(word).matches()) || t.end() <= scanned) {
                continue;
            }
            int from = tokens.get(Math.max(0, t.index() - 3)).start();
            m.region(Math.max(from, scanned), t.end());
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                scanned = end;
                boolean covered = engineSpans.stream().anyMatch(r -> r[0] < end && start < r[1]);
                if (covered || insideName(parsed, start, end)) {
                    continue;
                }
                String phrase = m.group();
                DateResolver.resolve(phrase, null, anchor, isFuture(parsed, t.sentence(), start, end))
                        .ifPresent(r -> found.add(new DateMention(phrase, start, end, t.sentence(), r.value(),
                                r.relative())));
            }
        }
        found.sort(Comparator.comparingInt(DateMention::start));
        return List.copyOf(found);
    }

    private static boolean continues(Token previous, Token next) {
        return "DATE".equals(next.ner()) && next.sentence() == previous.sentence() && next.index() == previous.index() + 1
                && Objects.equals(next.normalized(), previous.normalized());
    }

    private static void addSpan(ParsedText parsed, List<Token> span, LocalDate anchor, List<DateMention> found) {
        boolean future = isFuture(parsed, span.get(0).sentence(), span.get(0).start(),
                span.get(span.size() - 1).end());
        String engineValue = span.get(0).normalized();
        List<List<Token>> parts = split(span);
        if (parts.size() > 1) {
            List<DateMention> each = new ArrayList<>();
            for (List<Token> part : parts) {
                mention(parsed, part, null, anchor, future).ifPresent(each::add);
            }
            if (each.size() == parts.size()) {
                found.addAll(each);
                return;
            }
        }
        mention(parsed, span, engineValue, anchor, future).ifPresent(found::add);
    }

    private static Optional<DateMention> mention(ParsedText parsed, List<Token> tokens, String engineValue,
            LocalDate anchor, boolean future) {
        Token first = tokens.get(0);
        Token last = tokens.get(tokens.size() - 1);
        String text = parsed.text().substring(first.start(), last.end());
        return DateResolver.resolve(text, engineValue, anchor, future)
                .map(r -> new DateMention(text, first.start(), last.end(), first.sentence(), r.value(), r.relative()));
    }

    /** "2013 and 2018" is two dates; "the end of 2014" is one. */
    private static List<List<Token>> split(List<Token> span) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : span) {
            if (CONNECTORS.contains(t.word().toLowerCase(Locale.ROOT))) {
                if (!current.isEmpty()) {
                    parts.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private static int[] range(List<Token> span) {
        return new int[] {span.get(0).start(), span.get(span.size() - 1).end()};
    }

    /**
     * Whether the verb nearest the date speaks of the future: a future marker ("will", "expected", "scheduled") at
     * most {@link #FUTURE_REACH} tokens before it. "Turkey will carry out exercises, the minister said Saturday" has
     * a past Saturday and a future exercise. Without a verb in the sentence, any marker in it counts.
     */
    static boolean isFuture(ParsedText parsed, int sentence, int start, int end) {
        List<Token> tokens = parsed.tokensOf(sentence);
        int verb = -1;
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.pos() == null || !t.pos().startsWith("VB") || (t.start() >= start && t.end() <= end)) {
                continue;
            }
            int distance = t.end() <= start ? start - t.end() : t.start() - end;
            if (distance >= 0 && distance < best) {
                best = distance;
                verb = i;
            }
        }
        int from = verb < 0 ? 0 : Math.max(0, verb - FUTURE_REACH);
        int to = verb < 0 ? tokens.size() - 1 : verb;
        for (int i = from; i <= to; i++) {
            if (FUTURE_MARKERS.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** "Pakistan Today" is a newspaper, not a date. */
    private static boolean insideName(ParsedText parsed, int start, int end) {
        return parsed.mentions().stream()
                .anyMatch(m -> !m.type().equals("DATE") && m.start() < end && start < m.end());
    }

    static int sentenceAt(ParsedText parsed, int offset) {
        int index = 0;
        for (var s : parsed.sentences()) {
            if (s.start() <= offset) {
                index = s.index();
            } else {
                break;
            }
        }
        return index;
    }
}
