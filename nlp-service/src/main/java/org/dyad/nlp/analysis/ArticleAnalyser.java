package org.dyad.nlp.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.DocumentDate;
import org.dyad.nlp.pipeline.ParsedText;

/**
 * Turns the engine's parse into the published annotations: adds what is derived by rules of ours over the
 * tokens and entities (dates, amounts, quotes, topics, tone, the document date). Stateless and thread-safe: the
 * lexicons are read once, at construction. How each is derived: {@code nlp-service/ANALYSIS.md}.
 */
@ApplicationScoped
public class ArticleAnalyser {

    private final Clock clock;
    private final AmountFinder amounts = AmountFinder.standard();
    private final QuoteFinder quotes = QuoteFinder.standard();
    private final TopicScorer topics = TopicScorer.standard();
    private final ToneScorer tone = ToneScorer.standard();

    public ArticleAnalyser() {
        this(Clock.systemUTC());
    }

    /** @param clock gives "today" for an article without a publication date */
    ArticleAnalyser(Clock clock) {
        this.clock = clock;
    }

    public Annotations analyse(ParsedText parsed) {
        DocumentDate documentDate = DocumentDater.date(parsed, clock);
        return new Annotations(parsed.sentences(), parsed.mentions(), parsed.entities(),
                DateFinder.find(parsed, documentDate.date()), amounts.find(parsed), quotes.find(parsed),
                topics.score(parsed), tone.tone(parsed), documentDate, null);
    }
}
