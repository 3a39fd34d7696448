package org.dyad.ingest.cleaning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The boilerplate line rules of {@code cleaning/boilerplate-rules.txt}; a line matches a rule as a whole. */
public final class BoilerplateRules {

    /** Lines longer than this are never boilerplate: a paragraph is not removed by a pattern. */
    static final int MAX_WORDS = 30;

    private record Rule(String name, Pattern pattern) {
    }

    private final List<Rule> rules;

    private BoilerplateRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules shipped with the service. */
    public static BoilerplateRules standard() {
        try (InputStream in = BoilerplateRules.class.getResourceAsStream("/cleaning/boilerplate-rules.txt")) {
            if (in == null) {
                throw new IllegalStateException("cleaning/boilerplate-rules.txt is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BoilerplateRules parse(BufferedReader reader) throws IOException {
        List<Rule> rules = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException("boilerplate rule without a tab: " + line);
            }
            rules.add(new Rule(line.substring(0, tab).strip(), Pattern.compile(line.substring(tab + 1).strip(),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        return new BoilerplateRules(rules);
    }

    /** Whether the (stripped) line has more than {@code max} words separated by {@code \\s} (ASCII blanks). */
    static boolean moreWordsThan(String line, int max) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space && !inWord && ++words > max) {
                return true;
            }
            inWord = !space;
        }
        return false;
    }

    /** The name of the first rule the line matches, if it is short enough to be boilerplate at all. */
    public Optional<String> match(String line) {
        String trimmed = line.strip().replace('\u00A0', ' ');
        if (trimmed.isEmpty() || moreWordsThan(trimmed, MAX_WORDS)) {
            return Optional.empty();
        }
        for (Rule rule : rules) {
            if (rule.pattern().matcher(trimmed).matches()) {
                return Optional.of(rule.name());
            }
        }
        return Optional.empty();
    }
}
