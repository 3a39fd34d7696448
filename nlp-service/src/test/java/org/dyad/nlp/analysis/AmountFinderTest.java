package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.dyad.contracts.Amount;
import org.junit.jupiter.api.Test;

/** Money and percentages read by our patterns, on hand-built parses. */
class AmountFinderTest {

    private static final AmountFinder FINDER = AmountFinder.standard();

    private static List<Amount> amounts(String text) {
        return FINDER.find(Handmade.of(text, null).parse());
    }

    @Test
    void moneyHasItsValueAndIsoCurrency() {
        assertThat(amounts("Both countries aim at $5 billion in trade. The IMF approved a $1.1bn loan. "
                + "Pakistan received Rs 10 billion in aid. Germany pledged €250 million for the budget. "
                + "The deal is worth 3.5 million euros. Ankara paid 20 million Turkish lira. "
                + "China lent USD 2 billion. The bill was 500 crore rupees."))
                .extracting(Amount::kind, Amount::text, Amount::value, Amount::currency, Amount::about)
                .containsExactly(
                        tuple("MONEY", "$5 billion", 5e9, "USD", "trade"),
                        tuple("MONEY", "$1.1bn", 1.1e9, "USD", "loan"),
                        tuple("MONEY", "Rs 10 billion", 1e10, "PKR", "aid"),
                        tuple("MONEY", "€250 million", 2.5e8, "EUR", "budget"),
                        tuple("MONEY", "3.5 million euros", 3.5e6, "EUR", "deal"),
                        tuple("MONEY", "20 million Turkish lira", 2e7, "TRY", null),
                        tuple("MONEY", "USD 2 billion", 2e9, "USD", null),
                        tuple("MONEY", "500 crore rupees", 5e9, "PKR", null));
    }

    @Test
    void rupeesAreTheCurrencyOfTheRupeeCountryTheArticleNamesMost() {
        List<Amount> found = FINDER.find(Handmade.of("India and Indian firms invested Rs 400 crore. India said so.", null)
                .mention("COUNTRY", "India", 0, "India").mention("NATIONALITY", "Indian")
                .mention("COUNTRY", "India", 1, "India").parse());
        assertThat(found).extracting(Amount::currency, Amount::value, Amount::about)
                .containsExactly(tuple("INR", 4e9, "investment"));
    }

    @Test
    void percentagesHaveTheirValueAndWhatTheyAreAbout() {
        assertThat(amounts("Trump announced a 10 percent levy on all goods, including a 29% tariff on Pakistani "
                + "products. Nearly 20 per cent of Pakistan's exports head to the US. Inflation rose to 7.5 pc."))
                .extracting(Amount::kind, Amount::text, Amount::value, Amount::currency, Amount::about)
                .containsExactly(
                        tuple("PERCENT", "10 percent", 10.0, null, "tariff"),
                        tuple("PERCENT", "29%", 29.0, null, "tariff"),
                        tuple("PERCENT", "20 per cent", 20.0, null, "trade"),
                        tuple("PERCENT", "7.5 pc", 7.5, null, "inflation"));
    }

    @Test
    void abbreviatedScalesAndPercentagePoints() {
        assertThat(amounts("Islamabad set aside Rs 10bn for the budget and rates fell 2 percentage points."))
                .extracting(Amount::kind, Amount::text, Amount::value, Amount::currency)
                .containsExactly(tuple("MONEY", "Rs 10bn", 1e10, "PKR"), tuple("PERCENT", "2 percentage points", 2.0,
                        null));
    }

    @Test
    void isoCodesCountOnlyInCapitals() {
        assertThat(amounts("We try 5 times and sar 3 times.")).isEmpty();
        assertThat(amounts("Ankara borrowed TRY 5 billion.")).extracting(Amount::currency).containsExactly("TRY");
    }

    @Test
    void plainNumbersAndYearsAreNoAmounts() {
        assertThat(amounts("A 41 member delegation arrived in 2014 with 3 ministers.")).isEmpty();
    }

    @Test
    void offsetsCoverTheAmountInTheText() {
        String text = "They will raise commercial relations to $5 billion.";
        Amount a = amounts(text).get(0);
        assertThat(text.substring(a.start(), a.end())).isEqualTo("$5 billion");
        assertThat(a.about()).isEqualTo("trade");
    }
}
