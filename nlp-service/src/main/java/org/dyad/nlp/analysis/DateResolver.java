package org.dyad.nlp.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves one written date expression ("Thursday", "earlier today", "last week", "9 July 2025") to an ISO value,
 * against an anchor (the document date). Our own rules for everything relative, because SUTime resolves a bare
 * weekday inside the anchor's ISO week (so a past "on Thursday" in a Tuesday article lands two days in the future),
 * turns vague spans ("the coming days") into a day, and leaves everything unresolved without a document date.
 * SUTime's value is used only for absolute expressions these rules do not parse.
 */
final class DateResolver {

    /** A resolved date: its ISO value and whether the anchor was needed to get it. */
    record Resolved(String value, boolean relative) {
    }

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final Map<String, Integer> SMALL_NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("several", -1), Map.entry("few", -1));

    static {
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            MONTHS.put(full, m.getValue());
            MONTHS.put(full.substring(0, 3), m.getValue());
        }
        MONTHS.put("sept", 9);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            WEEKDAYS.put(full, d);
        }
    }

    /** A month name or its abbreviation, one capturing group. */
    static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH
            + "(?:,?\\s+" + YEAR + ")?\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "(?:,?\\s+" + YEAR
            + ")?\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "(?:,?\\s+(?:of\\s+)?" + YEAR
            + ")?\\b(?:\\s+(this|last|next)\\s+year)?");
    private static final Pattern ISO_DAY = Pattern.compile("\\b" + YEAR + "-(\\d{2})-(\\d{2})\\b");
    private static final Pattern LONE_YEAR = Pattern.compile("\\b" + YEAR + "\\b");
    private static final Pattern AGO = Pattern.compile("\\b(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
            + "\\s+(day|week|month|year)s?\\s+ago\\b");
    private static final Pattern NEAR_DAY = Pattern.compile("\\b(the day before yesterday|the day after tomorrow"
            + "|yesterday|tomorrow|today|tonight|this (?:morning|afternoon|evening))\\b");
    private static final Pattern SAME_DAY = Pattern.compile("(?:earlier|later) in the day|the day|the same day|that day");
    private static final Pattern UNIT = Pattern.compile("\\b(this|last|past|previous|next|coming|current)"
            + " (week|month|year)\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(last|next|this|coming|past) )?"
            + "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final Pattern STARTS_WITH_MONTH = Pattern.compile("^(in |of |early |late |mid-?)?" + MONTH + "\\b");
    private static final Pattern SUTIME_VALUE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?|-W\\d{2}|-Q[1-4])?");

    private DateResolver() {
    }

    /**
     * @param phrase the covered text
     * @param engineValue the engine's normalised value, or null
     * @param anchor the document date
     * @param future true when the sentence speaks of the future ("will meet on Thursday")
     */
    static Optional<Resolved> resolve(String phrase, String engineValue, LocalDate anchor, boolean future) {
        String p = phrase.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").strip();
        Optional<Resolved> relative = relative(p, anchor, future);
        if (relative.isPresent()) {
            return relative;
        }
        Optional<Resolved> calendar = calendar(p, anchor, future);
        boolean engineReadable = engineValue != null && SUTIME_VALUE.matcher(engineValue).matches();
        if (calendar.isPresent()) {
            String value = calendar.get().value();
            if (value.length() == 4 && engineReadable && engineValue.startsWith(value) && engineValue.length() > 4) {
                return Optional.of(new Resolved(engineValue, false)); // "Q3 2025": the engine read more than the year
            }
            return calendar;
        }
        if (engineReadable && LONE_YEAR.matcher(p).find()) {
            // an absolute form our patterns do not know ("Q3 2025", "2025/07/09"); without a year in the text,
            // SUTime's value is a guess ("the coming days" -> the next day) and is dropped
            return Optional.of(new Resolved(engineValue, false));
        }
        // "recently", "now", "the coming days", "the 1990s": nothing a calendar can hold
        return Optional.empty();
    }

    private static Optional<Resolved> relative(String p, LocalDate anchor, boolean future) {
        Matcher near = NEAR_DAY.matcher(p);
        if (near.find()) {
            return day(switch (near.group(1)) {
                case "the day before yesterday" -> anchor.minusDays(2);
                case "the day after tomorrow" -> anchor.plusDays(2);
                case "yesterday" -> anchor.minusDays(1);
                case "tomorrow" -> anchor.plusDays(1);
                default -> anchor;
            });
        }
        if (SAME_DAY.matcher(p).matches()) {
            return day(anchor);
        }
        Matcher ago = AGO.matcher(p);
        if (ago.find()) {
            int n = number(ago.group(1));
            return switch (ago.group(2)) {
                case "day" -> day(anchor.minusDays(n));
                case "week" -> week(anchor.minusWeeks(n));
                case "month" -> month(YearMonth.from(anchor).minusMonths(n));
                default -> year(anchor.getYear() - n);
            };
        }
        Matcher unit = UNIT.matcher(p);
        // "September this year" is a month whose year is relative: the calendar rule handles it
        if (unit.find() && !startsWithMonth(p)) {
            int step = switch (unit.group(1)) {
                case "last", "past", "previous" -> -1;
                case "next", "coming" -> 1;
                default -> 0;
            };
            return switch (unit.group(2)) {
                case "week" -> week(anchor.plusWeeks(step));
                case "month" -> month(YearMonth.from(anchor).plusMonths(step));
                default -> year(anchor.getYear() + step);
            };
        }
        Matcher weekday = WEEKDAY.matcher(p);
        if (weekday.find() && !hasDayOfMonth(p)) {
            return day(weekday(anchor, WEEKDAYS.get(weekday.group(2)), weekday.group(1), future));
        }
        return Optional.empty();
    }

    /**
     * News usage: a bare weekday in a past-tense sentence is the latest such day on or before the anchor ("said
     * Saturday" in a Saturday paper is that day); in a future one, the next such day after it.
     */
    static LocalDate weekday(LocalDate anchor, DayOfWeek day, String modifier, boolean future) {
        if (modifier == null || modifier.equals("this")) {
            return future ? anchor.with(TemporalAdjusters.next(day)) : anchor.with(TemporalAdjusters.previousOrSame(day));
        }
        return switch (modifier) {
            case "next", "coming" -> anchor.with(TemporalAdjusters.next(day));
            default -> anchor.with(TemporalAdjusters.previous(day));
        };
    }

    private static Optional<Resolved> calendar(String p, LocalDate anchor, boolean future) {
        Matcher iso = ISO_DAY.matcher(p);
        if (iso.find()) {
            return valid(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)))
                    .map(d -> new Resolved(d.toString(), false));
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(p);
        if (dmy.find()) {
            return withDay(Integer.parseInt(dmy.group(1)), month(dmy.group(2)), dmy.group(3), anchor, future);
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(p);
        if (mdy.find()) {
            return withDay(Integer.parseInt(mdy.group(2)), month(mdy.group(1)), mdy.group(3), anchor, future);
        }
        Matcher my = MONTH_YEAR.matcher(p);
        if (my.find()) {
            int month = month(my.group(1));
            if (my.group(2) != null) {
                return Optional.of(new Resolved(YearMonth.of(Integer.parseInt(my.group(2)), month).toString(), false));
            }
            int year = anchor.getYear();
            if (my.group(3) != null) {
                year += switch (my.group(3)) {
                    case "last" -> -1;
                    case "next" -> 1;
                    default -> 0;
                };
            } else if (!future && month > anchor.getMonthValue()) {
                year -= 1; // "in December" in a past-tense sentence of a January article
            } else if (future && month < anchor.getMonthValue()) {
                year += 1;
            }
            return Optional.of(new Resolved(YearMonth.of(year, month).toString(), true));
        }
        Matcher y = LONE_YEAR.matcher(p);
        if (y.find()) { // not "the 1990s": no word boundary after its digits
            return Optional.of(new Resolved(y.group(1), false));
        }
        return Optional.empty();
    }

    private static Optional<Resolved> withDay(int day, int month, String year, LocalDate anchor, boolean future) {
        if (year != null) {
            return valid(Integer.parseInt(year), month, day).map(d -> new Resolved(d.toString(), false));
        }
        int y = anchor.getYear();
        Optional<LocalDate> same = valid(y, month, day);
        if (same.isEmpty()) {
            return Optional.empty();
        }
        LocalDate d = same.get();
        // "on 3 December" without a year: the nearest such day on the side of the anchor the tense points to
        if (!future && d.isAfter(anchor.plusDays(7))) {
            d = d.minusYears(1);
        } else if (future && d.isBefore(anchor.minusDays(7))) {
            d = d.plusYears(1);
        }
        return Optional.of(new Resolved(d.toString(), true));
    }

    private static Optional<LocalDate> valid(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    private static boolean startsWithMonth(String p) {
        return STARTS_WITH_MONTH.matcher(p).find();
    }

    private static boolean hasDayOfMonth(String p) {
        return DAY_MONTH_YEAR.matcher(p).find() || MONTH_DAY_YEAR.matcher(p).find() || ISO_DAY.matcher(p).find();
    }

    private static int month(String name) {
        String key = name.replace(".", "");
        Integer m = MONTHS.get(key);
        if (m == null) {
            m = MONTHS.get(key.substring(0, 3));
        }
        return m;
    }

    private static int number(String word) {
        Integer small = SMALL_NUMBERS.get(word);
        return small != null ? Math.max(small, 1) : Integer.parseInt(word);
    }

    private static Optional<Resolved> day(LocalDate d) {
        return Optional.of(new Resolved(d.toString(), true));
    }

    private static Optional<Resolved> week(LocalDate inWeek) {
        return Optional.of(new Resolved(String.format(Locale.ROOT, "%d-W%02d",
                inWeek.get(IsoFields.WEEK_BASED_YEAR), inWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), true));
    }

    private static Optional<Resolved> month(YearMonth m) {
        return Optional.of(new Resolved(m.toString(), true));
    }

    private static Optional<Resolved> year(int y) {
        return Optional.of(new Resolved(Integer.toString(y), true));
    }
}
