package org.dyad.nlp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline (CoreNLP and our entity layer) on the seed articles, without Quarkus: what a reader of the enriched
 * article sees as entities, with their canonical ids, roles and countries. The models are loaded once per JVM.
 */
class CoreNlpPipelineTest {

    private static final Set<String> PRONOUNS = Set.of("he", "him", "his", "she", "her", "hers", "they", "them",
            "their", "it", "its", "we", "i", "you", "who", "me", "us", "our");

    private static CoreNlpPipeline pipeline;
    private static ParsedText fidan;
    private static ParsedText azeri;
    private static ParsedText russia;
    private static ParsedText rubio;

    @BeforeAll
    static void parseTheSeedsOnce() {
        pipeline = TestPipeline.shared();
        fidan = parse("000_0de1ffbfcb81e0bd.txt");
        azeri = parse("001_37f67198f4bc57ab.txt");
        russia = parse("002_9eeae5c25ec30b8d.txt");
        rubio = parse("003_3ff7820031d02dd9.txt");
    }

    private static ParsedText parse(String seed) {
        Seed s = Seed.read(seed);
        return pipeline.parse(s.text(), s.publishedAt());
    }

    @Test
    void seedTextStartsAfterTheDatePrefix() {
        Seed seed = Seed.read("000_0de1ffbfcb81e0bd.txt");
        assertThat(seed.publishedAt()).hasToString("2025-07-09");
        assertThat(seed.text()).startsWith("As India showcases");
    }

    @Test
    void turkishForeignMinisterHakanFidanIsOnePersonWithHisRole() {
        String text = fidan.text();
        int at = text.indexOf("Hakan Fidan");
        assertThat(fidan.mentions()).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo("PERSON");
            assertThat(m.entityId()).isEqualTo("person:hakan-fidan");
            assertThat(m.name()).isEqualTo("Hakan Fidan");
            assertThat(m.text()).isEqualTo("Hakan Fidan");
            assertThat(m.start()).isEqualTo(at);
            assertThat(m.end()).isEqualTo(at + "Hakan Fidan".length());
            assertThat(m.sentence()).isEqualTo(1);
        });
        // The title stays a mention of its own, just before the name.
        int title = text.indexOf("Foreign Minister Hakan Fidan");
        assertThat(fidan.mentions()).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo("TITLE");
            assertThat(m.entityId()).isEqualTo("title:foreign-minister");
            assertThat(m.text()).isEqualTo("Foreign Minister");
            assertThat(m.start()).isEqualTo(title);
        });
        Entity hakan = entity(fidan, "person:hakan-fidan");
        assertThat(hakan.type()).isEqualTo("PERSON");
        assertThat(hakan.known()).isTrue();
        assertThat(hakan.country()).isEqualTo("TUR");
        assertThat(hakan.roles()).contains(new Role("Foreign Minister", "TUR", null, null, null, "article"));
        assertThat(hakan.aliases()).contains("Hakan Fidan", "Fidan");
    }

    @Test
    void aSurnameAloneIsGroupedWithTheFullName() {
        assertThat(fidan.mentions()).filteredOn(m -> m.text().equals("Fidan")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(m -> {
                    assertThat(m.type()).isEqualTo("PERSON");
                    assertThat(m.entityId()).isEqualTo("person:hakan-fidan");
                    assertThat(m.name()).isEqualTo("Hakan Fidan");
                });
        assertThat(idsOf(azeri, "Bajwa")).containsOnly("person:qamar-javed-bajwa");
        assertThat(idsOf(russia, "Shoigu")).containsOnly("person:sergei-shoigu");
        assertThat(idsOf(russia, "Asif")).containsOnly("person:khawaja-asif");
        assertThat(idsOf(rubio, "Rubio")).containsOnly("person:marco-rubio");
        assertThat(idsOf(rubio, "Dar")).containsOnly("person:ishaq-dar");
    }

    @Test
    void aFirstNameAloneIsGroupedWithTheFullName() {
        assertThat(idsOf(russia, "Nawaz")).isNotEmpty().containsOnly("person:nawaz-sharif");
        assertThat(entity(russia, "person:nawaz-sharif").aliases()).contains("Nawaz Sharif", "Nawaz");
    }

    @Test
    void countrySpellingsDemonymsAndVariantsShareTheIso3Id() {
        assertThat(idsOf(fidan, "Turkey")).containsOnly("country:TUR");
        assertThat(idsOf(fidan, "Turkiye")).containsOnly("country:TUR");
        assertThat(idsOf(fidan, "Turkish")).containsOnly("country:TUR");
        assertThat(idsOf(fidan, "Pakistani")).containsOnly("country:PAK");
        assertThat(idsOf(azeri, "Azeri")).hasSize(2).containsOnly("country:AZE");
        assertThat(idsOf(azeri, "Azerbaijani")).containsOnly("country:AZE");
        assertThat(idsOf(rubio, "US")).containsOnly("country:USA");
        assertThat(idsOf(rubio, "United States")).containsOnly("country:USA");
        assertThat(fidan.mentions()).filteredOn(m -> m.text().equals("Turkish"))
                .allSatisfy(m -> assertThat(m.type()).isEqualTo("NATIONALITY"));
        assertThat(fidan.mentions()).filteredOn(m -> m.text().equals("Turkiye"))
                .allSatisfy(m -> assertThat(m.type()).isEqualTo("COUNTRY"));
        Entity turkey = entity(fidan, "country:TUR");
        assertThat(turkey.type()).isEqualTo("COUNTRY");
        assertThat(turkey.name()).isEqualTo("Turkey");
        assertThat(turkey.country()).isEqualTo("TUR");
        assertThat(turkey.aliases()).contains("Turkey", "Turkish", "Turkiye");
        assertThat(turkey.known()).isTrue();
    }

    @Test
    void pakistanTurkeysIsTwoCountries() {
        String text = azeri.text();
        int at = text.indexOf("Pakistan Turkey");
        assertThat(azeri.mentions()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Pakistan");
            assertThat(m.start()).isEqualTo(at);
            assertThat(m.entityId()).isEqualTo("country:PAK");
        });
        assertThat(azeri.mentions()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Turkey");
            assertThat(m.start()).isEqualTo(at + "Pakistan ".length());
            assertThat(m.entityId()).isEqualTo("country:TUR");
        });
    }

    @Test
    void citiesAreCitiesOfTheirCountry() {
        assertThat(idsOf(fidan, "Islamabad")).containsOnly("location:islamabad");
        assertThat(fidan.mentions()).filteredOn(m -> m.text().equals("Islamabad"))
                .allSatisfy(m -> assertThat(m.type()).isEqualTo("CITY"));
        assertThat(entity(fidan, "location:islamabad").country()).isEqualTo("PAK");
        assertThat(entity(fidan, "location:istanbul").country()).isEqualTo("TUR");
        assertThat(entity(azeri, "location:baku").country()).isEqualTo("AZE");
        // Washington is the US capital here, not the state.
        Entity washington = entity(rubio, "location:washington");
        assertThat(washington.type()).isEqualTo("CITY");
        assertThat(washington.country()).isEqualTo("USA");
    }

    @Test
    void rolesAreReadFromTitleAndCountryBeforeTheName() {
        assertThat(entity(azeri, "person:zakir-hasanov").roles())
                .contains(new Role("Defence Minister", "AZE", null, null, null, "article"));
        assertThat(entity(azeri, "person:hulusi-akar").roles())
                .contains(new Role("Defence Minister", "TUR", null, null, null, "article"));
        assertThat(entity(azeri, "person:qamar-javed-bajwa").roles()).extracting(Role::title)
                .contains("Chief of Army Staff");
        assertThat(entity(russia, "person:sergei-shoigu").roles())
                .contains(new Role("Defence Minister", "RUS", null, null, null, "article"));
        assertThat(entity(rubio, "person:marco-rubio").roles())
                .contains(new Role("Secretary of State", "USA", null, null, null, "article"));
        assertThat(entity(rubio, "person:donald-trump").roles())
                .contains(new Role("President", "USA", null, null, null, "article"));
        assertThat(entity(rubio, "person:muhammad-aurangzeb").roles())
                .contains(new Role("Finance Minister", "PAK", null, null, null, "article"));
        assertThat(entity(fidan, "person:yasar-guler").roles())
                .contains(new Role("Defence Minister", "TUR", null, null, null, "article"));
    }

    @Test
    void knownPeopleGetTheirCountryAndDictionaryRolesEvenWithoutOneInTheText() {
        Entity shehbaz = entity(fidan, "person:shehbaz-sharif");
        assertThat(shehbaz.known()).isTrue();
        assertThat(shehbaz.country()).isEqualTo("PAK");
        assertThat(shehbaz.roles()).anySatisfy(r -> {
            assertThat(r.title()).isEqualTo("Prime Minister");
            assertThat(r.country()).isEqualTo("PAK");
            assertThat(r.source()).isEqualTo("dictionary");
            assertThat(r.from()).isNotNull();
        });
        Entity dar = entity(fidan, "person:ishaq-dar");
        assertThat(dar.country()).isEqualTo("PAK");
        assertThat(entity(azeri, "person:mevlut-cavusoglu").country()).isEqualTo("TUR");
        assertThat(entity(azeri, "person:elmar-mammadyarov").country()).isEqualTo("AZE");
        // "Yasir Guler" is a spelling of Yaşar Güler.
        assertThat(entity(fidan, "person:yasar-guler").aliases()).containsExactly("Yasir Guler");
        // Phoenix (2014) knows Nawaz Sharif's earlier terms too.
        assertThat(entity(russia, "person:nawaz-sharif").roles()).filteredOn(r -> "dictionary".equals(r.source()))
                .isNotEmpty().allSatisfy(r -> assertThat(r.country()).isEqualTo("PAK"));
    }

    @Test
    void internationalOrganisationsHaveTheirAcronymAsId() {
        assertThat(idsOf(russia, "Nato")).containsOnly("org:NATO");
        assertThat(idsOf(russia, "Shanghai Cooperation Organization")).containsOnly("org:SCO");
        Entity sco = entity(russia, "org:SCO");
        assertThat(sco.type()).isEqualTo("ORGANIZATION");
        assertThat(sco.name()).isEqualTo("Shanghai Cooperation Organization");
        assertThat(sco.known()).isTrue();
    }

    @Test
    void unknownEntitiesGetAStableNormalisedId() {
        Entity hasnain = entity(rubio, "person:ali-hasnain");
        assertThat(hasnain.known()).isFalse();
        assertThat(hasnain.roles()).extracting(Role::title).contains("Professor");
    }

    @Test
    void stateInstitutionsNamedByTheirCountryAreOneOrganisationOfThatCountry() {
        assertThat(idsOf(russia, "Pakistan Army")).isNotEmpty().containsOnly("org:PAK-army");
        Entity army = entity(russia, "org:PAK-army");
        assertThat(army.type()).isEqualTo("ORGANIZATION");
        assertThat(army.name()).isEqualTo("Pakistan Army");
        assertThat(army.country()).isEqualTo("PAK");
        // "Pakistan's Foreign Office" is the same organisation as "the Pakistani Foreign Ministry" elsewhere.
        assertThat(idsOf(rubio, "Foreign Office")).containsOnly("org:PAK-foreign-ministry");
        assertThat(entity(rubio, "org:PAK-foreign-ministry").country()).isEqualTo("PAK");
    }

    @Test
    void pronounsAreNeverPeople() {
        for (String name : Seed.ALL) {
            Seed seed = Seed.read(name);
            assertThat(pipeline.parse(seed.text(), seed.publishedAt()).mentions()).as(name)
                    .filteredOn(m -> m.type().equals("PERSON")).isNotEmpty()
                    .noneSatisfy(m -> assertThat(PRONOUNS).contains(m.text().toLowerCase()));
        }
        ParsedText pronouns = pipeline.parse("He said she would meet them. His aide told her they were ready. "
                + "We told him. Who is she? It was them.", null);
        assertThat(pronouns.mentions()).noneSatisfy(m -> assertThat(m.type()).isEqualTo("PERSON"));
        assertThat(pronouns.tokens()).noneSatisfy(t -> assertThat(t.ner()).isEqualTo("PERSON"));
    }

    @Test
    void pageFurnitureNamesNoEntity() {
        assertThat(rubio.text()).contains("Google NewsInstagramYouTubeFacebook");
        assertThat(rubio.mentions()).noneSatisfy(m -> assertThat(m.text())
                .containsAnyOf("Google", "Instagram", "YouTube", "Facebook", "TikTok", "Whats"));
    }

    @Test
    void offsetsPointAtTheMentionedWordsAndTokensCarryTheMentionType() {
        for (ParsedText parsed : List.of(fidan, azeri, russia, rubio)) {
            String text = parsed.text();
            assertThat(parsed.mentions()).isNotEmpty().allSatisfy(m -> {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
                assertThat(m.text()).isNotBlank().isEqualTo(m.text().strip());
                assertThat(m.type()).isIn(CoreNlpPipeline.KEPT_TYPES);
                assertThat(parsed.tokens()).filteredOn(t -> t.start() >= m.start() && t.end() <= m.end())
                        .isNotEmpty().allSatisfy(t -> assertThat(t.ner()).isEqualTo(m.type()));
            });
        }
    }

    @Test
    void everyMentionedNameHasOneEntityCountingItsMentions() {
        Map<String, Long> counts = fidan.mentions().stream()
                .filter(m -> !Set.of("DATE", "MONEY", "PERCENT").contains(m.type()))
                .collect(Collectors.groupingBy(EntityMention::entityId, Collectors.counting()));
        assertThat(fidan.entities()).extracting(Entity::id).containsExactlyInAnyOrderElementsOf(counts.keySet());
        assertThat(fidan.entities()).allSatisfy(e -> assertThat((long) e.mentionCount()).isEqualTo(counts.get(e.id())));
    }

    @Test
    void relativeDatesAreResolvedAgainstThePublicationDate() {
        assertThat(azeri.mentions()).filteredOn(m -> m.text().equals("Saturday")).singleElement()
                .satisfies(m -> {
                    assertThat(m.type()).isEqualTo("DATE");
                    assertThat(m.entityId()).isEqualTo("date:2021-06-26");
                });
        assertThat(fidan.mentions()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("$5 billion");
            assertThat(m.type()).isEqualTo("MONEY");
        });
    }

    private static List<String> idsOf(ParsedText parsed, String text) {
        return parsed.mentions().stream().filter(m -> m.text().equals(text)).map(EntityMention::entityId).toList();
    }

    private static Entity entity(ParsedText parsed, String id) {
        return parsed.entities().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + id + " in " + parsed.entities().stream()
                        .map(Entity::id).toList()));
    }
}
