package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.dyad.contracts.Amount;
import org.junit.jupiter.api.Test;

/** Amounts on text parsed by the real engine, where its MONEY spans are wrong or missing. */
class EngineAmountsTest {

    @Test
    void eachAmountKeepsItsOwnCurrency() {
        // CoreNLP tags "10 billion and 5 million euros" as one MONEY of €1.0005E10 and misses "Rs"
        var parsed = EngineParses.parse("Pakistan received Rs 10 billion and 5 million euros in aid, and a €3 million "
                + "loan.", LocalDate.of(2025, 7, 9));
        assertThat(AmountFinder.standard().find(parsed))
                .extracting(Amount::text, Amount::value, Amount::currency, Amount::about)
                .containsExactly(tuple("Rs 10 billion", 1e10, "PKR", "aid"), tuple("5 million euros", 5e6, "EUR", "aid"),
                        tuple("€3 million", 3e6, "EUR", "loan"));
    }
}
