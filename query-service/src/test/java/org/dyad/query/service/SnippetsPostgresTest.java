package org.dyad.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The snippets against PostgreSQL's own stemming: a word is marked exactly when the {@code english} configuration gives
 * it one of the query's positive lexemes, for phrases, {@code or}, exclusions, word forms and hostile texts; and on
 * ordinary text the marked words are those {@code ts_headline} marks (less the excluded ones).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class SnippetsPostgresTest {

    private static final Pattern MARKED = Pattern.compile("<mark>(.*?)</mark>");

    @Inject
    DataSource dataSource;

    private String snippet(String q, String text) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return Snippets.build(c, tree(c, q), List.of(text)).getFirst();
        }
    }

    private static String tree(Connection c, String q) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT querytree(websearch_to_tsquery('english', ?))::text")) {
            s.setString(1, q);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static List<String> marked(String snippet) {
        List<String> out = new ArrayList<>();
        Matcher m = MARKED.matcher(snippet);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void phrasesOrAndExclusions() throws Exception {
        String text = "A military trade agreement: the trade deal and the energy talks, then Defence ministers met.";
        // both words of a phrase, every alternative of an or, never an excluded word
        assertThat(marked(snippet("\"trade agreement\" or defence -military", text)))
                .containsExactly("trade", "agreement", "trade", "Defence");
        assertThat(marked(snippet("energy or defence", text))).containsExactly("energy", "Defence");
        assertThat(marked(snippet("-military talks", text))).containsExactly("talks");
        // a query of one excluded word matches nothing to mark
        assertThat(marked(snippet("-military", text))).isEmpty();
    }

    @Test
    void wordFormsAreStemmedByPostgres() throws Exception {
        String text = "Defence, DEFENCES, defenced and defense; militaries, the military; agencies and an agency; "
                + "Türkiye's TÜRKIYE; the G20 in 2019; does and doe.";
        assertThat(marked(snippet("defence", text))).containsExactly("Defence", "DEFENCES", "defenced");
        assertThat(marked(snippet("military", text))).containsExactly("militaries", "military");
        assertThat(marked(snippet("agency", text))).containsExactly("agencies", "agency");
        assertThat(marked(snippet("Türkiye", text))).containsExactly("Türkiye", "TÜRKIYE");
        assertThat(marked(snippet("g20 2019", text))).containsExactly("G20", "2019");
        // "does" is a stop word: PostgreSQL gives it no lexeme, so it does not match "doe"
        assertThat(marked(snippet("doe", text))).containsExactly("doe");
    }

    @Test
    void hostileTextsAreEscapedAndStillMarked() throws Exception {
        String text = "<b>defence</b> ' OR 1=1; -- </mark><script>alert(1)</script> \\ 'defence' 😀defence😀 "
                + "%s %n \u0000".replace("\u0000", "");
        String out = snippet("defence", text);
        assertThat(marked(out)).containsExactly("defence", "defence", "defence");
        assertThat(out.replaceAll("</?mark>", "")).doesNotContain("<", ">");
        // quotes and backslashes in the query itself
        assertThat(marked(snippet("'defence' \\ \"o'brien\"", "O'Brien said defence."))).contains("defence");
    }

    @Test
    void aLongTextIsMarkedWhereItsMatchIs() throws Exception {
        String text = "Filler words about nothing. ".repeat(3_000) + "Then the energy ministers met.";
        String out = snippet("energy", text);
        assertThat(marked(out)).containsExactly("energy");
        assertThat(out).endsWith("<mark>energy</mark> ministers met.");
    }

    @Test
    void theSameWordsAsTsHeadlineMarks() throws Exception {
        String text = "Pakistan and Türkiye agreed to deepen defence cooperation and expand trade, energy and "
                + "investment ties; the co-operation of defence industries and a cooperative energy agreement follow "
                + "talks on security, counter-terrorism and military exercises.";
        for (String q : List.of("defence", "cooperation", "trade or energy", "\"defence cooperation\"", "military exercises",
                "security talks", "investment -trade")) {
            String ours = snippet(q, text);
            String theirs;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT ts_headline('english', ?, "
                            + "websearch_to_tsquery('english', ?), 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true')")) {
                s.setString(1, text);
                s.setString(2, q);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    theirs = r.getString(1);
                }
            }
            List<String> expected = marked(theirs);
            // ts_headline marks the excluded word too; a snippet never does
            if (q.contains("-trade")) {
                expected.removeIf(w -> w.equals("trade"));
            }
            assertThat(marked(ours)).as(q).containsExactlyElementsOf(expected);
        }
    }
}
