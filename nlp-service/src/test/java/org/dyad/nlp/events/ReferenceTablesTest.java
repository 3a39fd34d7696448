package org.dyad.nlp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coder's tables as loaded from the resources: CAMEO codes, PLOVER mapping, country names, verb patterns. */
class ReferenceTablesTest {

    private final CameoCodebook codebook = new CameoCodebook();

    @Test
    void cameoCodesCarryNameGoldsteinQuadClassAndPlover() {
        CameoCodebook.Code visit = codebook.get("042");
        assertThat(visit.name()).isEqualTo("Make a visit");
        assertThat(visit.goldstein()).isEqualTo(1.9);
        assertThat(visit.quadClass()).isEqualTo(1);
        assertThat(visit.ploverType()).isEqualTo("CONSULT");
        assertThat(visit.ploverMode()).isEqualTo("visit");

        CameoCodebook.Code sanctions = codebook.get("163");
        assertThat(sanctions.quadClass()).isEqualTo(4);
        assertThat(sanctions.ploverType()).isEqualTo("COERCE");
        assertThat(sanctions.ploverMode()).isEqualTo("restrict");

        assertThat(codebook.get("062").quadClass()).isEqualTo(2);
        assertThat(codebook.get("111").quadClass()).isEqualTo(3);
        assertThat(codebook.get("999")).isNull();
    }

    @Test
    void statementsAndAppealsHaveNoPloverType() {
        // PLOVER dropped CAMEO's 01 (statements) and 02 (appeals); the mapping table lists none of them.
        assertThat(codebook.get("010").ploverType()).isNull();
        assertThat(codebook.get("020").ploverType()).isNull();
    }

    @Test
    void countryNamesDemonymsAndCapitalsResolveToIso3() {
        CountryResolver countries = new DictionaryCountryResolver();
        assertThat(countries.iso3("Pakistan")).isEqualTo("PAK");
        assertThat(countries.iso3("Pakistani")).isEqualTo("PAK");
        assertThat(countries.iso3("Islamabad")).isEqualTo("PAK");
        assertThat(countries.iso3("Turkish")).isEqualTo("TUR");
        assertThat(countries.iso3("Türkiye")).isEqualTo("TUR");
        assertThat(countries.iso3("Turkiye")).isEqualTo("TUR");
        assertThat(countries.iso3("Azeri")).isEqualTo("AZE");
        assertThat(countries.iso3("Baku")).isEqualTo("AZE");
        assertThat(countries.iso3("Russia's")).isEqualTo("RUS");
        assertThat(countries.iso3("US")).isEqualTo("USA");
        assertThat(countries.iso3("the United States")).isEqualTo("USA");
        assertThat(countries.iso3("Hakan Fidan")).isNull();
    }

    @Test
    void everyVerbPatternNamesAKnownCode() {
        // The constructor refuses a dictionary line whose code CAMEO does not have.
        VerbPatterns patterns = new VerbPatterns(codebook);
        assertThat(patterns.candidates("VBD", "visit")).extracting(VerbPatterns.Pattern::code).contains("042");
        assertThat(patterns.candidates("NNS", "talk")).extracting(VerbPatterns.Pattern::code).contains("040");
        assertThat(patterns.candidates("NN", "sign")).isEmpty();
        assertThat(patterns.isActionWord("NN", "tariff")).isTrue();
        assertThat(patterns.isActionWord("VBD", "say")).isFalse();
    }

    @Test
    void patternLinesReadTriggerFollowersAndDependentGroups() {
        VerbPatterns.Pattern p = VerbPatterns.parse("062\tcarry out + exercise drill + military joint - not", 7);
        assertThat(p.code()).isEqualTo("062");
        assertThat(p.kind()).isEqualTo(VerbPatterns.Kind.VERB);
        assertThat(p.words()).containsExactly("carry", "out");
        assertThat(p.required()).containsExactly(Set.of("exercise", "drill"), Set.of("military", "joint"));
        assertThat(p.excluded()).containsExactly("not");
        assertThat(p.specificity()).isEqualTo(4);
        assertThat(VerbPatterns.parse("040\ttalk/n", 1).kind()).isEqualTo(VerbPatterns.Kind.NOUN);
        assertThatThrownBy(() -> VerbPatterns.parse("040 talk", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void normalisedDatesBecomeDaysAndVagueOnesNone() {
        assertThat(EventCoder.parseDate("2021-06-26")).isEqualTo(LocalDate.of(2021, 6, 26));
        assertThat(EventCoder.parseDate("2021-09")).isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(EventCoder.parseDate("2014")).isNull();
        assertThat(EventCoder.parseDate("XXXX-WXX-4")).isNull();
        assertThat(EventCoder.parseDate("PAST_REF")).isNull();
    }
}
