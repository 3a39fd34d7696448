package org.dyad.nlp.entities;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation shared by the dictionaries, the gazetteer and the ids: one key per spelling variant. */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private Names() {
    }

    /** The matching key of one token: accents dropped, lower case, typographic apostrophes and dashes plain. */
    public static String key(String token) {
        String plain = MARKS.matcher(Normalizer.normalize(token, Normalizer.Form.NFKD)).replaceAll("");
        // "ı" (dotless i, as in Türkiye's own spellings) has no decomposition.
        plain = plain.replace('ı', 'i').replace('’', '\'').replace('‘', '\'').replace('–', '-').replace('—', '-');
        return plain.toLowerCase(Locale.ROOT);
    }

    /** Lower case, accents dropped, every run of other characters than letters and digits turned into one dash. */
    public static String slug(String name) {
        String slug = EDGE_DASHES.matcher(NON_ALNUM.matcher(key(name)).replaceAll("-")).replaceAll("");
        // A name of symbols only ("$") still needs an id that differs from other such names.
        return slug.isEmpty() ? Integer.toHexString(name.hashCode()) : slug;
    }

    /** "NAWAZ_SHARIF" (Phoenix style) or "nawaz sharif" to "Nawaz Sharif"; short particles stay lower case. */
    public static String titleCase(String upper) {
        String[] words = upper.replace('_', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                out.append(' ');
            }
            if (i > 0 && (w.equals("bin") || w.equals("al") || w.equals("of") || w.equals("de") || w.equals("van")
                    || w.equals("von") || w.equals("the") || w.equals("and") || w.equals("ibn"))) {
                out.append(w);
                continue;
            }
            out.append(capitaliseParts(w));
        }
        return out.toString();
    }

    private static String capitaliseParts(String w) {
        StringBuilder b = new StringBuilder(w.length());
        boolean start = true;
        for (char c : w.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = c == '-' || c == '\'' || c == '.';
        }
        return b.toString();
    }

    /** Whether a token is written with a capital (or a digit) first: "Turkey", "TURKEY", "U.S.", "9/11". */
    public static boolean isCapitalised(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return Character.isUpperCase(c) || Character.isDigit(c) || Character.isTitleCase(c);
            }
        }
        return false;
    }

    /** Whether a word has letters and all of them are capitals ("NATO", "U.S."). */
    public static boolean isAllCaps(String token) {
        boolean letters = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                letters = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letters;
    }
}
