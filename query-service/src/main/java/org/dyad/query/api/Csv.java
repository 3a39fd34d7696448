package org.dyad.query.api;

/**
 * Cells of the exports. CSV as RFC 4180: quoted when they hold a comma, quote or line break. TSV with the escapes
 * of PostgreSQL's text format ({@code \\}, {@code \t}, {@code \n}, {@code \r}), since a TSV cell cannot hold a tab
 * or a line break. In both, a leading =+-@ is defused for spreadsheets.
 */
final class Csv {

    private Csv() {
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = defused(value);
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    static String tsvCell(String value) {
        if (value == null) {
            return "";
        }
        return defused(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String defused(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
