package org.dyad.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dyad.nlp.pipeline.CoreNlpPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The curated lists and the gazetteer alone (CoreNLP's tokenizer only, no models): fast. */
class DictionariesTest {

    private static Dictionaries dictionaries;

    @BeforeAll
    static void load() {
        dictionaries = Dictionaries.load(CoreNlpPipeline::words);
    }

    private static List<Gazetteer.Match> find(String sentence) {
        return dictionaries.gazetteer().find(CoreNlpPipeline.words(sentence));
    }

    private static Entry only(String sentence) {
        List<Gazetteer.Match> found = find(sentence);
        assertThat(found).as(sentence).hasSize(1);
        return found.get(0).first();
    }

    @Test
    void everySpellingOfTurkeyIsTur() {
        for (String s : List.of("Turkey", "Türkiye", "Turkiye", "TURKEY", "Republic of Turkey")) {
            Entry e = only(s);
            assertThat(e.id()).as(s).isEqualTo("country:TUR");
            assertThat(e.kind()).isEqualTo(Kind.COUNTRY);
        }
        assertThat(only("Turkish").kind()).isEqualTo(Kind.NATIONALITY);
        assertThat(only("Turkish").id()).isEqualTo("country:TUR");
    }

    @Test
    void theUnitedStatesHasManyNamesAndAcronymsMatchInCapitalsOnly() {
        for (String s : List.of("US", "U.S.", "United States", "United States of America", "USA", "American")) {
            assertThat(only("talks with " + s + " officials").id()).as(s).isEqualTo("country:USA");
        }
        assertThat(find("they told us")).isEmpty();
        // a headline in capitals: "US" is still a country, "WHO" and "IS" are words
        assertThat(find("WHO IS IN CHARGE")).isEmpty();
        assertThat(only("Azeri").id()).isEqualTo("country:AZE");
        assertThat(only("Azerbaijani").id()).isEqualTo("country:AZE");
    }

    @Test
    void lowerCaseWordsAreNoCountriesButTitlesMatchInAnyCase() {
        assertThat(find("we ate turkey and chad")).isEmpty();
        Entry minister = only("the defence minister");
        assertThat(minister.kind()).isEqualTo(Kind.TITLE);
        assertThat(minister.name()).isEqualTo("Defence Minister");
        assertThat(only("Defense Minister").name()).isEqualTo("Defence Minister");
        assertThat(find("a major step in general")).isEmpty();
    }

    @Test
    void theLongestNameWins() {
        assertThat(only("Shanghai Cooperation Organization").id()).isEqualTo("org:SCO");
        assertThat(only("Minister of Foreign Affairs").name()).isEqualTo("Foreign Minister");
        assertThat(find("Pakistan Turkey")).extracting(m -> m.first().id()).containsExactly("country:PAK",
                "country:TUR");
    }

    @Test
    void currentOfficeHoldersAndPhoenixActorsAreKnown() {
        Dictionaries.Actor fidan = dictionaries.actor(List.of("Hakan", "Fidan"));
        assertThat(fidan.id()).isEqualTo("person:hakan-fidan");
        assertThat(fidan.country()).isEqualTo("TUR");
        assertThat(fidan.roles()).anySatisfy(r -> assertThat(r.title()).isEqualTo("Foreign Minister"));
        assertThat(dictionaries.actor(List.of("Yasir", "Guler")).id()).isEqualTo("person:yasar-guler");
        Dictionaries.Actor zardari = dictionaries.actor(List.of("Asif", "Ali", "Zardari"));
        assertThat(zardari.country()).isEqualTo("PAK");
        // a Phoenix-only actor, with its dated role codes
        Dictionaries.Actor bhutto = dictionaries.actor(List.of("Benazir", "Bhutto"));
        assertThat(bhutto.curated()).isFalse();
        assertThat(bhutto.id()).isEqualTo("person:benazir-bhutto");
        assertThat(bhutto.roles()).anySatisfy(r -> {
            assertThat(r.country()).isEqualTo("PAK");
            assertThat(r.title()).isEqualTo("Government");
            assertThat(r.from()).hasToString("1988-12-02");
        });
        assertThat(dictionaries.placeCountry(List.of("Karachi"))).isEqualTo("PAK");
    }

    @Test
    void boilerplateIsRecognised() {
        assertThat(dictionaries.isGluedPlatforms("Google NewsInstagramYouTubeFacebook")).isTrue();
        assertThat(dictionaries.isGluedPlatforms("Facebook")).isFalse();
        assertThat(dictionaries.isBoilerplateSentence("Follow us on Google News for latest updates")).isTrue();
        assertThat(dictionaries.isBoilerplateSentence("Fidan followed the talks")).isFalse();
    }

    @Test
    void slugsAreLowerCaseWithoutAccentsOrPunctuation() {
        assertThat(Names.slug("Hakan Fidan")).isEqualTo("hakan-fidan");
        assertThat(Names.slug("Türkiye")).isEqualTo("turkiye");
        assertThat(Names.slug("Mevlüt Çavuşoğlu")).isEqualTo("mevlut-cavusoglu");
        assertThat(Names.slug("$5 billion")).isEqualTo("5-billion");
        assertThat(Names.titleCase("NAWAZ_SHARIF")).isEqualTo("Nawaz Sharif");
    }

    @Test
    void nationalBodiesKnownByTheirOwnNameBelongToTheirCountry() {
        for (String[] c : new String[][] {{"the Pentagon said", "USA"}, {"the FSB said", "RUS"},
                {"officials of the IRGC", "IRN"}, {"the Inter-Services Public Relations said", "PAK"},
                {"the Israel Defense Forces", "ISR"}}) {
            Entry e = only(c[0]);
            assertThat(e.kind()).as(c[0]).isEqualTo(Kind.ORGANIZATION);
            assertThat(e.country()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(only("a UNIFIL patrol").id()).isEqualTo("org:UNIFIL");
        assertThat(only("Lashkar-e-Taiba militants").id()).isEqualTo("org:LET");
        assertThat(only("the Houthis fired").kind()).isEqualTo(Kind.ORGANIZATION);
    }

    @Test
    void regionsAndSeasArePlacesOfNoOrTheirCountry() {
        Entry mideast = only("across the Middle East");
        assertThat(mideast.kind()).isEqualTo(Kind.LOCATION);
        assertThat(mideast.id()).isEqualTo("location:middle-east");
        assertThat(mideast.country()).isNull();
        assertThat(only("ships in the Strait of Hormuz").name()).isEqualTo("Strait of Hormuz");
        assertThat(only("attacks in Balochistan").country()).isEqualTo("PAK");
        assertThat(find("the gulf between them")).isEmpty();
    }
}
