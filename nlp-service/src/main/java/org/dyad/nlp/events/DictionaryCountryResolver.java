package org.dyad.nlp.events;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link CountryResolver} over the country-level entries of the Phoenix (PETRARCH2) country dictionary
 * ({@code countries.tsv}: names, demonyms, capitals and big cities) plus a few of ours ({@code countries-extra.tsv}:
 * spellings the 2014 dictionary lacks, such as "Türkiye").
 */
public final class DictionaryCountryResolver implements CountryResolver {

    private final Map<String, String> byName = new HashMap<>();

    public DictionaryCountryResolver() {
        for (String file : new String[] {"countries-extra.tsv", "countries.tsv"}) {
            for (String line : Resources.lines(file)) {
                String[] f = line.split("\t");
                byName.putIfAbsent(key(f[0]), f[1].strip());
            }
        }
    }

    @Override
    public String iso3(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = key(name);
        String code = byName.get(key);
        if (code == null && key.startsWith("THE ")) {
            code = byName.get(key.substring(4));
        }
        return code;
    }

    /** Upper case, accents dropped, "'s" and dots of "U.S." kept apart from the letters, spaces collapsed. */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        plain = plain.replace('’', '\'').replaceAll("'s$", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[_\\s]+", " ").strip();
    }
}
