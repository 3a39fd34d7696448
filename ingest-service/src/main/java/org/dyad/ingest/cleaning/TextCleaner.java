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
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = LINE_BREAKS.matcher(s).replaceAll("\n");
        s = TRAILING_BLANKS.matcher(s).replaceAll("");
        s = INNER_BLANKS.matcher(s).replaceAll(" ");
        s = EMPTY_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
