package org.dyad.nlp.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seed article from {@code src/test/resources/seeds}: an optional {@code " date YYYY-MM-DD "} prefix on the first
 * line gives the publication date, and the article text is what follows it.
 */
public record Seed(String name, String text, LocalDate publishedAt) {

    private static final Pattern DATE_PREFIX = Pattern.compile("^ date (\\d{4}-\\d{2}-\\d{2}) ");

    public static final String[] ALL = {"000_0de1ffbfcb81e0bd.txt", "001_37f67198f4bc57ab.txt", "002_9eeae5c25ec30b8d.txt",
            "003_3ff7820031d02dd9.txt"};

    public static Seed read(String name) {
        try (InputStream in = Seed.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed " + name);
            }
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher prefix = DATE_PREFIX.matcher(raw);
            if (prefix.find()) {
                return new Seed(name, raw.substring(prefix.end()), LocalDate.parse(prefix.group(1)));
            }
            return new Seed(name, raw, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
