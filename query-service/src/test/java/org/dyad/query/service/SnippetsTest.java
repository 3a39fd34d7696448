package org.dyad.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The snippet builder on its own: the lexemes of a query tree, words, the window, escaping, hostile and long texts. */
class SnippetsTest {

    private static String snippet(String text, Map<String, Set<String>> stems) {
        return Snippets.snippet(text, Snippets.words(text), stems);
    }

    @Test
    void lexemesAreTheQuotedOperandsOfTheTree() {
        assertThat(Snippets.lexemes("'trade' <-> 'agreement' & ( 'defenc' | 'energi' )"))
                .containsExactly("trade", "agreement", "defenc", "energi");
        assertThat(Snippets.lexemes("'it''s' & 'a\\\\b' & 'c\\'d'")).containsExactly("it's", "a\\b", "c'd");
        // querytree of a query with nothing indexable, and no query
        assertThat(Snippets.lexemes("T")).isEmpty();
        assertThat(Snippets.lexemes(null)).isEmpty();
        // an unterminated operand does not throw
        assertThat(Snippets.lexemes("'abc")).containsExactly("abc");
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsWithTheirUtf16Offsets() {
        String text = "G20 ministers' talks — Türkiye, e\u0301te 😀 x2";
        List<Snippets.Word> words = Snippets.words(text);
        assertThat(words.stream().map(w -> text.substring(w.start(), w.end())).toList())
                .containsExactly("G20", "ministers", "talks", "Türkiye", "e\u0301te", "x2");
        assertThat(Snippets.words("")).isEmpty();
        assertThat(Snippets.words("— … 😀 ?!")).isEmpty();
    }

    @Test
    void marksTheMatchedWordsAndEscapesEverythingElse() {
        String text = "<script>alert('x')</script> The \"defence\" pact & </mark> <mark>trade</mark> deal.";
        String out = snippet(text, Map.of("defence", Set.of("defenc"), "trade", Set.of("trade")));
        assertThat(out).isEqualTo("script&gt;alert(&#39;x&#39;)&lt;/script&gt; The &quot;<mark>defence</mark>&quot; pact "
                + "&amp; &lt;/mark&gt; &lt;mark&gt;<mark>trade</mark>&lt;/mark&gt; deal.");
        // the only markup left is the marks
        assertThat(out.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
    }

    @Test
    void theWindowHoldsTheMostDifferentQueryWordsAndAtMostMaxWords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(i == 10 ? "defence " : i == 60 ? "defence energy " : "word" + i + " ");
        }
        String out = snippet(text.toString(), Map.of("defence", Set.of("defenc"), "energy", Set.of("energi")));
        // 60 has both words, so it wins over the earlier single match; it starts a few words before the first mark
        assertThat(out).startsWith("word57 word58 word59 <mark>defence</mark> <mark>energy</mark>");
        assertThat(Snippets.words(out.replaceAll("</?mark>", ""))).hasSize(Snippets.MAX_WORDS);
        assertThat(out).doesNotContain("word10 ");
    }

    @Test
    void withoutAMarkInTheTextTheSnippetIsItsBeginning() {
        String text = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                + "sixteen seventeen.";
        assertThat(snippet(text, Map.of())).isEqualTo("One two three four five six seven eight nine ten eleven twelve "
                + "thirteen fourteen fifteen");
        assertThat(snippet("", Map.of())).isEmpty();
        assertThat(snippet("😀 — ? 😀", Map.of())).isEqualTo("😀 — ? 😀");
        assertThat(Snippets.snippet(null, List.of(), Map.of())).isNull();
    }

    @Test
    void aMarkNextToAnEmojiKeepsTheSurrogatePairWhole() {
        String text = "😀defence😀 talks";
        String out = snippet(text, Map.of("defence", Set.of("defenc")));
        assertThat(out).isEqualTo("😀<mark>defence</mark>😀 talks".substring(2));
        assertThat(out.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isEmpty();
    }

    @Test
    void longAndHostileTextsStayBoundedAndFast() {
        // one query word repeated half a million times, in 4 MB: only the first MAX_CHARS are searched
        String text = "defence ".repeat(500_000);
        long t = System.nanoTime();
        String out = snippet(text, Map.of("defence", Set.of("defenc")));
        assertThat((System.nanoTime() - t) / 1e6).isLessThan(2_000);
        assertThat(out).startsWith("<mark>defence</mark> <mark>defence</mark>");
        assertThat(out.split("<mark>")).hasSize(Snippets.MAX_WORDS + 1);
        // a match beyond MAX_CHARS is not seen: the beginning is shown
        String late = "word ".repeat(Snippets.MAX_CHARS / 5 + 10) + "defence";
        assertThat(snippet(late, Map.of("defence", Set.of("defenc")))).doesNotContain("<mark>")
                .startsWith("word word");
        // one word of 200,000 letters, brackets only, lone markup characters
        assertThat(snippet("a".repeat(200_000), Map.of())).hasSize(Snippets.MAX_CHARS);
        assertThat(snippet("<<<>>>&&&".repeat(1_000), Map.of())).startsWith("&lt;&lt;&lt;&gt;").doesNotContain("<", ">");
    }
}
