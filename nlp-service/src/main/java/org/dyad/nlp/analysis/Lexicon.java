package org.dyad.nlp.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tab-separated word list from {@code src/main/resources/analysis/}: one entry a line, {@code #} starts a comment,
 * blank lines are skipped. Read once per analyser and kept in memory.
 */
record Lexicon(String name, List<List<String>> rows) {

    static Lexicon load(String name) {
        String path = "/analysis/" + name;
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<List<String>> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : line.split("\t")) {
                    cells.add(cell.strip());
                }
                rows.add(List.copyOf(cells));
            }
            return new Lexicon(name, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first column of every row, lower case. */
    List<String> words() {
        return rows.stream().map(r -> r.get(0).toLowerCase(Locale.ROOT)).toList();
    }
}
