package org.dyad.ingest.cleaning;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Normalises article text: Unicode NFC, one kind of line break, no trailing blanks, at most one empty line in a row. */
public final class TextCleaner {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|\\u2028|\\u2029");
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t\\u00A0]+(?=\\n|\\z)");
    private static final Pattern INNER_BLANKS = Pattern.compile("[ \\t\\u00A0]{2,}");
    private static final Pattern EMPTY_LINES = Pattern.compile("\\n{3,}");

    private TextCleaner() {
    }

    /** The cleaned form of a text; NLP offsets refer to this string. */
    public static String clean(String text) {
        // Each step runs only when a cheap scan finds what it replaces: most texts need few of them, and the
        // regular expressions cost more than the scans (the result is the same either way).
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        if (s.indexOf('\r') >= 0 || s.indexOf('\u2028') >= 0 || s.indexOf('\u2029') >= 0) {
            s = LINE_BREAKS.matcher(s).replaceAll("\n");
        }
        boolean nbsp = s.indexOf('\u00A0') >= 0;
        boolean tab = s.indexOf('\t') >= 0;
        if (nbsp || tab || s.contains(" \n") || s.endsWith(" ")) {
            s = TRAILING_BLANKS.matcher(s).replaceAll("");
        }
        if (nbsp || tab || s.contains("  ")) {
            s = INNER_BLANKS.matcher(s).replaceAll(" ");
        }
        if (s.contains("\n\n\n")) {
            s = EMPTY_LINES.matcher(s).replaceAll("\n\n");
        }
        return s.strip();
    }
}
