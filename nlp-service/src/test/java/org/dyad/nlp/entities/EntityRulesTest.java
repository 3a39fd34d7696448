package org.dyad.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.Sentence;
import org.dyad.nlp.pipeline.CoreNlpPipeline;
import org.dyad.nlp.pipeline.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entity layer's own rules on engine output written by hand (word/POS/engine tag), so each rule is tested
 * alone, whatever the CRF would have said: organisation head words, acronyms defined in the text and one sense per
 * name in an article. The sentences are made up, in the style of news.
 */
class EntityRulesTest {

    private static EntityLinker linker;

    @BeforeAll
    static void load() {
        linker = new EntityLinker(Dictionaries.load(CoreNlpPipeline::words));
    }

    // ------------------------------------------------------------ organisation head words

    @Test
    void aCapitalisedSequenceEndingInAnOrganisationHeadIsOneOrganisationDemonymIncluded() {
        assertOnlyMention(link("The/DT Syrian/JJ/MISC Democratic/NNP Forces/NNPS said/VBD it/PRP had/VBD "
                + "taken/VBN the/DT village/NN ./."), "ORGANIZATION", "Syrian Democratic Forces");
        assertOnlyMention(link("Flights/NNS of/IN Turkish/JJ/MISC Airlines/NNPS were/VBD cancelled/VBN ./."),
                "ORGANIZATION", "Turkish Airlines");
    }

    @Test
    void aPlaceBeforeTheHeadIsPartOfTheName() {
        assertOnlyMention(link("Students/NNS at/IN Kabul/NNP/LOCATION University/NNP protested/VBD ./."),
                "ORGANIZATION", "Kabul University");
        assertOnlyMention(link("Ships/NNS of/IN the/DT Black/NNP/LOCATION Sea/NNP/LOCATION Fleet/NNP "
                + "sailed/VBD ./."),
                "ORGANIZATION", "Black Sea Fleet");
    }

    @Test
    void anArabicArticleJoinedByAHyphenIsPartOfTheName() {
        assertThat(texts(link("Fighters/NNS of/IN the/DT al/NNP ~-/HYPH ~Rahma/NNP Brigade/NNP withdrew/VBD ./."),
                "ORGANIZATION")).containsExactly("al-Rahma Brigade");
    }

    @Test
    void aHeadFollowedByOfAndANameTakesTheWholeName() {
        assertThat(texts(link("A/DT statement/NN from/IN the/DT Ministry/NNP of/IN Trade/NNP and/CC Industry/NNP "
                + "said/VBD exports/NNS fell/VBD ./."), "ORGANIZATION")).containsExactly("Ministry of Trade and Industry");
        assertThat(texts(link("Officials/NNS of/IN the/DT Food/NNP and/CC Drug/NNP Administration/NNP said/VBD "
                + "so/RB ./."), "ORGANIZATION")).containsExactly("Food and Drug Administration");
        assertThat(texts(link("The/DT Test/NNP and/CC County/NNP Cricket/NNP Board/NNP met/VBD ./."), "ORGANIZATION"))
                .containsExactly("Test and County Cricket Board");
    }

    @Test
    void theHeadRuleLeavesPlacesTitlesEventsPeopleAndHeadlinesAlone() {
        // a capital opening the sentence is no name
        assertThat(texts(link("Former/NNP Army/NNP officers/NNS met/VBD in/IN Lahore/NNP/LOCATION ./."),
                "ORGANIZATION")).isEmpty();
        // a known place that ends in a head word stays a place
        assertThat(link("Clashes/NNS in/IN the/DT West/NNP/LOCATION Bank/NNP/LOCATION continued/VBD ./."))
                .extracting(EntityMention::type).containsExactly("LOCATION");
        assertThat(link("He/PRP grew/VBD up/RP in/IN the/DT Soviet/NNP Union/NNP ./."))
                .extracting(EntityMention::type).containsExactly("LOCATION");
        // a competition the engine called MISC stays MISC
        assertThat(texts(link("He/PRP scored/VBD in/IN the/DT Premier/NNP/MISC League/NNP/MISC again/RB ./."),
                "ORGANIZATION")).isEmpty();
        // "Army Chief" is a title
        assertThat(texts(link("Pakistan/NNP/LOCATION Army/NNP Chief/NNP Asim/NNP/PERSON Munir/NNP/PERSON "
                + "spoke/VBD ./."), "ORGANIZATION")).isEmpty();
        // a person's name is not taken into an organisation
        assertThat(texts(link("Supporters/NNS of/IN Imran/NNP/PERSON Khan/NNP/PERSON Party/NNP gathered/VBD ./."),
                "ORGANIZATION")).isEmpty();
        // a headline in title case
        assertThat(texts(link("Rebels/NNS Attack/NNP Army/NNP Base/NNP Near/NNP Border/NNP Town/NNP"),
                "ORGANIZATION")).isEmpty();
        // a state institution alone, or before a list of countries, is left to the engine and the country
        assertThat(texts(link("The/DT Special/NNP Forces/NNPS of/IN Pakistan/NNP/LOCATION ,/, Oman/NNP/LOCATION "
                + "and/CC Turkey/NNP/LOCATION will/MD train/VB ./."), "ORGANIZATION")).isEmpty();
        assertThat(texts(link("The/DT Foreign/NNP Ministry/NNP declined/VBD to/TO comment/VB ./."), "ORGANIZATION"))
                .isEmpty();
        // a lower-case head is no name: only a nominal mention (ADR 0009)
        EntityLinker.Linked lower = linked("The/DT Syrian/JJ/MISC army/NN advanced/VBD ./.");
        assertThat(lower.mentions()).filteredOn(m -> m.type().equals("ORGANIZATION"))
                .allMatch(lower.nominal()::containsKey);
    }

    @Test
    void aCapitalisedPlaceHeadIsPartOfThePlaceName() {
        assertOnlyMention(link("Militants/NNS attacked/VBD a/DT post/NN in/IN Anbar/NNP/LOCATION Province/NNP ./."),
                "LOCATION", "Anbar Province");
        assertThat(link("Boats/NNS crossed/VBD the/DT Meran/NNP River/NNP at/IN dawn/NN ./."))
                .extracting(EntityMention::text).containsExactly("Meran River");
        // a lower-case head, or a head after an organisation, is no place name
        assertThat(link("Militants/NNS attacked/VBD Anbar/NNP/LOCATION province/NN ./."))
                .extracting(EntityMention::text).containsExactly("Anbar");
    }

    @Test
    void aDemonymEndingARegionalAdjectiveIsNoNationality() {
        assertThat(link("Latin/NNP American/JJ leaders/NNS met/VBD ./.")).isEmpty();
        assertThat(link("South/NNP Korean/JJ/MISC leaders/NNS met/VBD American/JJ/MISC envoys/NNS ./."))
                .extracting(EntityMention::type).containsExactly("NATIONALITY", "NATIONALITY");
    }

    @Test
    void anArabicArticleJoinsTheNameItBelongsTo() {
        assertThat(link("President/NNP Bashar/NNP/PERSON al/NNP ~-/HYPH ~Assad/NNP/PERSON spoke/VBD ./."))
                .filteredOn(x -> x.type().equals("PERSON")).extracting(EntityMention::text)
                .containsExactly("Bashar al-Assad");
        assertThat(link("Residents/NNS of/IN Deir/NNP/LOCATION ez/NN ~-/HYPH ~Zor/NNP fled/VBD ./."))
                .extracting(EntityMention::text).containsExactly("Deir ez-Zor");
    }

    @Test
    void tokensTheMentionsLeaveOfTheEnginesSpanAreNoLongerTagged() {
        // the engine's LOCATION "Syria-Turkey" is two countries; its hyphen is part of neither
        List<Token> tokens = linkTokens("Trucks/NNS crossed/VBD the/DT Syria/NNP/LOCATION ~-/HYPH/LOCATION "
                + "~Turkey/NNP/LOCATION border/NN ./.");
        assertThat(tokens).extracting(Token::ner).containsExactly("O", "O", "O", "COUNTRY", "O", "COUNTRY", "O", "O");
        // a possessive the engine took into the name
        assertThat(linkTokens("Turkey/NNP/LOCATION ~'s/POS/LOCATION economy/NN grew/VBD ./.")).extracting(Token::ner)
                .containsExactly("COUNTRY", "O", "O", "O", "O");
    }

    @Test
    void aCountryTheEngineCalledAnOrganisationIsTheCountry() {
        assertThat(link("Pakistan/NNP/ORGANIZATION won/VBD the/DT toss/NN ./.")).singleElement().satisfies(x -> {
            assertThat(x.type()).isEqualTo("COUNTRY");
            assertThat(x.entityId()).isEqualTo("country:PAK");
        });
    }

    @Test
    void aDemonymTheEngineCalledAPersonIsANationality() {
        assertThat(link("Thousands/NNS of/IN Afghans/NNPS/PERSON crossed/VBD ./.")).singleElement()
                .satisfies(x -> assertThat(x.type()).isEqualTo("NATIONALITY"));
    }

    // ------------------------------------------------------------ acronyms defined in the article

    @Test
    void anAcronymDefinedInTheTextIsTheSameOrganisationWhereverItStandsAlone() {
        List<EntityMention> m = link("The/DT Ocean/NNP/ORGANIZATION Rescue/NNP/ORGANIZATION Alliance/NNP/ORGANIZATION "
                + "(/-LRB- ORA/NNP )/-RRB- sent/VBD boats/NNS ./.",
                "Later/RB ORA/NNP/PERSON volunteers/NNS said/VBD the/DT sea/NN was/VBD calm/JJ ./.",
                "A/DT spokesman/NN for/IN ORA/NNP declined/VBD to/TO comment/VB ./.");
        List<EntityMention> ora = m.stream().filter(x -> x.text().equals("ORA")).toList();
        assertThat(ora).hasSize(3).allSatisfy(x -> {
            assertThat(x.type()).isEqualTo("ORGANIZATION");
            assertThat(x.entityId()).isEqualTo("org:ocean-rescue-alliance");
        });
    }

    @Test
    void theInitialsOfAnOrganisationNamedInTheArticleAreThatOrganisation() {
        List<EntityMention> m = link("The/DT Northern/NNP/ORGANIZATION Water/NNP/ORGANIZATION "
                + "Commission/NNP/ORGANIZATION raised/VBD prices/NNS ./.", "NWC/NNP/PERSON officials/NNS said/VBD so/RB ./.",
                "The/DT Commission/NNP declined/VBD to/TO comment/VB ./.");
        assertThat(m).filteredOn(x -> x.text().equals("NWC") || x.text().equals("Commission")).hasSize(2)
                .allSatisfy(x -> {
                    assertThat(x.type()).isEqualTo("ORGANIZATION");
                    assertThat(x.entityId()).isEqualTo("org:northern-water-commission");
                });
        // two commissions: "the Commission" alone is neither
        m = link("The/DT Northern/NNP/ORGANIZATION Water/NNP/ORGANIZATION Commission/NNP/ORGANIZATION and/CC "
                + "the/DT Southern/NNP/ORGANIZATION Power/NNP/ORGANIZATION Commission/NNP/ORGANIZATION met/VBD ./.",
                "Later/RB the/DT Commission/NNP resigned/VBD ./.");
        assertThat(m).filteredOn(x -> x.text().equals("Commission")).isEmpty();
    }

    @Test
    void aPlaceAbbreviatedInTheTextIsThatPlace() {
        List<EntityMention> m = link("Fighting/NN in/IN the/DT Eastern/NNP/LOCATION Highlands/NNP/LOCATION "
                + "(/-LRB- EH/NNP )/-RRB- went/VBD on/RP ./.", "Aid/NN reached/VBD EH/NNP on/IN Monday/NNP/DATE ./.");
        assertThat(m).filteredOn(x -> x.text().equals("EH")).hasSize(2)
                .allSatisfy(x -> assertThat(x.type()).isEqualTo("LOCATION"));
    }

    @Test
    void anAcronymMustAbbreviateAPlaceButMayFollowAnyOrganisation() {
        assertThat(EntityLinker.abbreviates("ISIL", "Islamic State of Iraq and the Levant")).isTrue();
        assertThat(EntityLinker.abbreviates("SDF", "Syrian Democratic Forces")).isTrue();
        assertThat(EntityLinker.abbreviates("AFP", "Eastern Highlands")).isFalse();
        assertThat(EntityLinker.isAcronym("SDF")).isTrue();
        assertThat(EntityLinker.isAcronym("DoD")).isTrue();
        assertThat(EntityLinker.isAcronym("Reuters")).isFalse();
        assertThat(EntityLinker.isAcronym("A")).isFalse();
        // not an abbreviation of the place before it: no place
        List<EntityMention> m = link("Fighting/NN in/IN the/DT Eastern/NNP/LOCATION Highlands/NNP/LOCATION "
                + "(/-LRB- AFP/NNP )/-RRB- went/VBD on/RP ./.", "AFP/NNP reported/VBD it/PRP ./.");
        assertThat(m).filteredOn(x -> x.text().equals("AFP")).noneSatisfy(x -> assertThat(x.type()).isEqualTo("LOCATION"));
    }

    // ------------------------------------------------------------ one sense per name in an article

    @Test
    void aSurnameAloneIsThePersonEvenWhereTheEngineMissedItOrCalledItAPlace() {
        List<EntityMention> m = link("Maria/NNP/PERSON Keller/NNP/PERSON ,/, an/DT economist/NN ,/, spoke/VBD ./.",
                "The/DT plan/NN will/MD fail/VB ,/, Keller/NNP said/VBD ./.",
                "Keller/NNP/LOCATION added/VBD that/IN rates/NNS would/MD rise/VB ./.");
        assertThat(m).filteredOn(x -> x.text().equals("Keller")).hasSize(2).allSatisfy(x -> {
            assertThat(x.type()).isEqualTo("PERSON");
            assertThat(x.entityId()).isEqualTo("person:maria-keller");
        });
    }

    @Test
    void aNameFoundOnceIsFoundWhereTheEngineLeftTheSameWordsUntagged() {
        List<EntityMention> m = link("Shares/NNS of/IN Blue/NNP/ORGANIZATION Harbour/NNP/ORGANIZATION rose/VBD ./.",
                "Analysts/NNS said/VBD Blue/NNP Harbour/NNP had/VBD cut/VBN costs/NNS ./.");
        assertThat(m).filteredOn(x -> x.text().equals("Blue Harbour")).hasSize(2)
                .allSatisfy(x -> assertThat(x.type()).isEqualTo("ORGANIZATION"));
    }

    @Test
    void ambiguousNamesAndPartsOfLongerNamesAreLeftAlone() {
        // two people called Sharif: "Sharif" alone is neither
        List<EntityMention> m = link("Nawaz/NNP/PERSON Sharif/NNP/PERSON met/VBD Raheel/NNP/PERSON Sharif/NNP/PERSON ./.",
                "Later/RB ,/, Sharif/NNP left/VBD ./.");
        assertThat(m).filteredOn(x -> x.text().equals("Sharif")).isEmpty();
        // "Harbour" of "Blue Harbour" is not the start of "Harbour Lights"
        m = link("Shares/NNS of/IN Blue/NNP/ORGANIZATION Harbour/NNP/ORGANIZATION rose/VBD ./.",
                "Keller/NNP/PERSON read/VBD the/DT Blue/NNP Harbour/NNP Gazette/NNP ./.");
        assertThat(m).filteredOn(x -> x.text().startsWith("Blue")).hasSize(1);
        // a name with two types in the article gets neither where it is untagged
        m = link("Dana/NNP/PERSON spoke/VBD ./.", "Dana/NNP/ORGANIZATION shares/NNS fell/VBD ./.",
                "Analysts/NNS said/VBD Dana/NNP would/MD recover/VB ./.");
        assertThat(m).filteredOn(x -> x.text().equals("Dana")).hasSize(2);
    }

    // ------------------------------------------------------------ state bodies named by a common noun (ADR 0009)

    @Test
    void aDemonymAndAStateBodyHeadAreANominalOrganisationOfThatCountry() {
        EntityLinker.Linked linked = linked("Iraqi/JJ/MISC forces/NNS retook/VBD the/DT town/NN ./.");
        assertOnlyMention(linked.mentions(), "ORGANIZATION", "Iraqi forces", "org:IRQ-armed-forces");
        EntityMention forces = linked.mentions().get(0);
        assertThat(linked.entities()).singleElement()
                .satisfies(e -> assertThat(e.country()).isEqualTo("IRQ"))
                .satisfies(e -> assertThat(e.type()).isEqualTo("ORGANIZATION"));
        // flagged nominal, with the demonym inside it as the mention it would be alone
        assertThat(linked.nominal()).containsOnlyKeys(forces);
        EntityMention demonym = linked.nominal().get(forces);
        assertThat(demonym.type()).isEqualTo("NATIONALITY");
        assertThat(demonym.text()).isEqualTo("Iraqi");
        assertThat(demonym.entityId()).isEqualTo("country:IRQ");
        // the tokens carry the mention's type
        assertThat(linked.tokens()).extracting(Token::ner).startsWith("ORGANIZATION", "ORGANIZATION", "O");
    }

    @Test
    void stateMediaAndTheOppositionOfACountryAreItsActorsToo() {
        // CAMEO's agents GOVMED and OPP: "Iranian state media reported", "the Syrian opposition rejected"
        assertThat(link("Iranian/JJ/MISC state/NN media/NNS reported/VBD the/DT attack/NN ./.")).singleElement()
                .satisfies(m -> assertThat(m.entityId()).isEqualTo("org:IRN-state-media"))
                .satisfies(m -> assertThat(m.text()).isEqualTo("Iranian state media"));
        assertThat(link("The/DT Syrian/JJ/MISC opposition/NN rejected/VBD the/DT plan/NN ./.")).singleElement()
                .satisfies(m -> assertThat(m.entityId()).isEqualTo("org:SYR-opposition"))
                .satisfies(m -> assertThat(m.type()).isEqualTo("ORGANIZATION"));
        // a demonym before another noun of the same field is still a nationality
        assertThat(link("Syrian/JJ/MISC journalists/NNS reported/VBD ./.")).singleElement()
                .satisfies(m -> assertThat(m.type()).isEqualTo("NATIONALITY"));
    }

    @Test
    void theStateBodyTakesTheIdOfTheCapitalisedInstitutionWithoutTheArticle() {
        EntityLinker.Linked linked = linked("The/DT Syrian/JJ/MISC government/NN said/VBD the/DT talks/NNS "
                + "had/VBD failed/VBN ./.");
        assertOnlyMention(linked.mentions(), "ORGANIZATION", "Syrian government", "org:SYR-government");
        assertThat(linked.nominal()).hasSize(1);
        // a country's name before the head, and heads of two words
        assertThat(link("The/DT US/NNP/LOCATION military/NN said/VBD ./.")).singleElement()
                .satisfies(m -> assertThat(m.entityId()).isEqualTo("org:USA-armed-forces"))
                .satisfies(m -> assertThat(m.text()).isEqualTo("US military"));
        assertThat(link("Afghan/JJ/MISC security/NN forces/NNS withdrew/VBD ./.")).singleElement()
                .satisfies(m -> assertThat(m.entityId()).isEqualTo("org:AFG-security-forces"));
        assertThat(link("The/DT Turkish/JJ/MISC foreign/JJ ministry/NN issued/VBD a/DT statement/NN ./."))
                .singleElement().satisfies(m -> assertThat(m.entityId()).isEqualTo("org:TUR-foreign-ministry"));
        assertThat(link("Iraqi/JJ/MISC federal/JJ police/NN entered/VBD the/DT city/NN ./.")).singleElement()
                .satisfies(m -> assertThat(m.entityId()).isEqualTo("org:IRQ-police"))
                .satisfies(m -> assertThat(m.text()).isEqualTo("Iraqi federal police"));
        // after a country's possessive the head alone, the country its own mention ("Pakistan's Foreign Office")
        EntityLinker.Linked possessive = linked("Syria/NNP/LOCATION 's/POS/LOCATION government/NN denied/VBD it/PRP ./.");
        assertThat(possessive.mentions()).extracting(EntityMention::entityId, EntityMention::text).containsExactly(
                tuple("country:SYR", "Syria"), tuple("org:SYR-government", "government"));
        assertThat(possessive.nominal()).containsOnlyKeys(possessive.mentions().get(1));
        assertThat(possessive.nominal().get(possessive.mentions().get(1)).text()).isEqualTo("Syria");
        // what the engine took for a name is read the same way
        assertThat(link("The/DT Iranian/JJ/ORGANIZATION regime/NN/ORGANIZATION denied/VBD it/PRP ./."))
                .singleElement().satisfies(m -> assertThat(m.entityId()).isEqualTo("org:IRN-government"))
                .satisfies(m -> assertThat(m.text()).isEqualTo("Iranian regime"));
    }

    @Test
    void aDemonymBeforeAnyOtherNounStaysANationality() {
        // in one sentence: refugees are no state body, the army is
        assertThat(link("Syrian/JJ/MISC refugees/NNS fled/VBD the/DT Syrian/JJ/MISC army/NN ./."))
                .extracting(EntityMention::type, EntityMention::text)
                .containsExactly(tuple("NATIONALITY", "Syrian"), tuple("ORGANIZATION", "Syrian army"));
        assertOnlyMention(link("Syrian/JJ/MISC refugees/NNS crossed/VBD the/DT border/NN ./."), "NATIONALITY",
                "Syrian");
        assertOnlyMention(link("He/PRP ordered/VBD Turkish/JJ/MISC coffee/NN ./."), "NATIONALITY", "Turkish");
        // the head must end the noun phrase: officers and operations are not the body
        assertOnlyMention(link("Iraqi/JJ/MISC army/NN officers/NNS met/VBD ./."), "NATIONALITY", "Iraqi");
        assertOnlyMention(link("The/DT Turkish/JJ/MISC military/JJ operation/NN ended/VBD ./."), "NATIONALITY",
                "Turkish");
        // people are not bodies; a demonym joined to a prefix is no country's
        assertOnlyMention(link("Russian/JJ/MISC soldiers/NNS died/VBD ./."), "NATIONALITY", "Russian");
        assertThat(texts(link("The/DT pro/JJ ~-/HYPH ~Syrian/JJ/MISC government/NN newspaper/NN ./."),
                "ORGANIZATION")).isEmpty();
        assertThat(texts(link("Fighters/NNS loyal/JJ to/TO pro/JJ ~-/HYPH ~Iranian/JJ/MISC forces/NNS fled/VBD ./."),
                "ORGANIZATION")).isEmpty();
    }

    @Test
    void theCapitalisedStateBodyIsStillANameNotANominalMention() {
        EntityLinker.Linked linked = linked("The/DT Syrian/JJ/MISC Army/NNP/ORGANIZATION shelled/VBD the/DT "
                + "town/NN ./.");
        assertOnlyMention(linked.mentions(), "ORGANIZATION", "Syrian Army", "org:SYR-army");
        assertThat(linked.entities().get(0).country()).isEqualTo("SYR");
        assertThat(linked.nominal()).isEmpty();
        // and "the Syrian army" is the same organisation, named by a common noun
        EntityLinker.Linked lower = linked("The/DT Syrian/JJ/MISC army/NN shelled/VBD the/DT town/NN ./.");
        assertThat(lower.mentions()).singleElement()
                .satisfies(m -> assertThat(m.entityId()).isEqualTo("org:SYR-army"));
        assertThat(lower.nominal()).hasSize(1);
    }

    // ------------------------------------------------------------ helpers

    /**
     * Sentences of "word/POS[/NER]" tokens separated by spaces; the text is the words joined by spaces, but a token
     * written "~word/POS" follows the one before without a space ("al ~-/HYPH ~Nusra/NNP").
     */
    private static List<EntityMention> link(String... sentences) {
        return linked(sentences).mentions();
    }

    private static List<Token> linkTokens(String... sentences) {
        return linked(sentences).tokens();
    }

    private static EntityLinker.Linked linked(String... sentences) {
        StringBuilder text = new StringBuilder();
        List<Token> tokens = new ArrayList<>();
        List<Sentence> parsed = new ArrayList<>();
        for (int s = 0; s < sentences.length; s++) {
            if (s > 0) {
                text.append(' ');
            }
            int start = text.length();
            String[] items = sentences[s].split(" ");
            for (int i = 0; i < items.length; i++) {
                String item = items[i];
                boolean attached = item.startsWith("~");
                if (attached) {
                    item = item.substring(1);
                }
                int slash = item.indexOf('/', 1);
                String word = item.substring(0, slash);
                String[] rest = item.substring(slash + 1).split("/");
                String ner = rest.length > 1 ? rest[1] : "O";
                if (i > 0 && !attached) {
                    text.append(' ');
                }
                int at = text.length();
                text.append(word);
                tokens.add(new Token(tokens.size(), s, word, at, at + word.length(), rest[0], word.toLowerCase(), ner,
                        null));
            }
            parsed.add(new Sentence(s, start, text.length()));
        }
        return linker.link(text.toString(), null, parsed, tokens);
    }

    /** The sentence gives exactly one mention, of this type and text. */
    private static void assertOnlyMention(List<EntityMention> mentions, String type, String text) {
        assertThat(mentions).extracting(EntityMention::type, EntityMention::text)
                .containsExactly(tuple(type, text));
    }

    /** The only mention is this one, with this canonical id. */
    private static void assertOnlyMention(List<EntityMention> mentions, String type, String text, String entityId) {
        assertOnlyMention(mentions, type, text);
        assertThat(mentions.get(0).entityId()).isEqualTo(entityId);
    }

    private static List<String> texts(List<EntityMention> mentions, String type) {
        return mentions.stream().filter(m -> m.type().equals(type)).map(EntityMention::text).toList();
    }
}
