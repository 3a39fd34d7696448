package org.dyad.nlp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.dyad.contracts.EntityMention;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CoreNLP pipeline on the seed articles, without Quarkus; the models are loaded once for the whole class. */
class CoreNlpPipelineTest {

    private static final Set<String> PRONOUNS = Set.of("he", "him", "his", "she", "her", "hers", "they", "them",
            "their", "it", "its", "we", "i", "you", "who");

    private static CoreNlpPipeline pipeline;
    private static Seed fidanSeed;
    private static List<EntityMention> fidanMentions;

    @BeforeAll
    static void loadModelsOnce() {
        pipeline = new CoreNlpPipeline("test-version");
        fidanSeed = Seed.read("000_0de1ffbfcb81e0bd.txt");
        fidanMentions = pipeline.parse(fidanSeed.text(), fidanSeed.publishedAt()).mentions();
    }

    @AfterAll
    static void releaseModels() {
        // ~0.8 GB of heap that the component tests in the same JVM need for their own copy.
        pipeline = null;
        fidanMentions = null;
    }

    @Test
    void seedTextStartsAfterTheDatePrefix() {
        assertThat(fidanSeed.publishedAt()).hasToString("2025-07-09");
        assertThat(fidanSeed.text()).startsWith("As India showcases");
    }

    @Test
    void hakanFidanIsAPersonWithASlugId() {
        int at = fidanSeed.text().indexOf("Hakan Fidan");
        assertThat(fidanMentions).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo("PERSON");
            assertThat(m.entityId()).isEqualTo("person:hakan-fidan");
            assertThat(m.name()).isEqualTo("Hakan Fidan");
            assertThat(m.text()).isEqualTo("Hakan Fidan");
            assertThat(m.start()).isEqualTo(at);
            assertThat(m.end()).isEqualTo(at + "Hakan Fidan".length());
            assertThat(m.sentence()).isEqualTo(1);
        });
    }

    @Test
    void surnameAloneIsGroupedWithTheFullName() {
        List<EntityMention> surnameOnly = fidanMentions.stream().filter(m -> m.text().equals("Fidan")).toList();
        assertThat(surnameOnly).hasSizeGreaterThanOrEqualTo(3).allSatisfy(m -> {
            assertThat(m.type()).isEqualTo("PERSON");
            assertThat(m.entityId()).isEqualTo("person:hakan-fidan");
            assertThat(m.name()).isEqualTo("Hakan Fidan");
        });
    }

    @Test
    void pakistanIsACountryAndIslamabadACity() {
        assertThat(fidanMentions).filteredOn(m -> m.text().equals("Pakistan")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.entityId()).isEqualTo("country:pakistan"))
                .allSatisfy(m -> assertThat(m.type()).isEqualTo("COUNTRY"));
        assertThat(fidanMentions).filteredOn(m -> m.text().equals("Islamabad")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.entityId()).isEqualTo("city:islamabad"))
                .allSatisfy(m -> assertThat(m.type()).isEqualTo("CITY"));
    }

    @Test
    void offsetsPointAtTheMentionedWords() {
        String text = fidanSeed.text();
        assertThat(fidanMentions).isNotEmpty().allSatisfy(m -> {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
            assertThat(m.text()).isNotBlank().isEqualTo(m.text().strip());
        });
    }

    @Test
    void pronounsAreNeverPersonMentions() {
        // CoreNLP's own entity mentions contain "He" and "his" as PERSON in seeds 000, 001 and 002.
        for (String name : Seed.ALL) {
            Seed seed = Seed.read(name);
            assertThat(pipeline.parse(seed.text(), seed.publishedAt()).mentions())
                    .as(name)
                    .filteredOn(m -> m.type().equals("PERSON"))
                    .isNotEmpty()
                    .noneSatisfy(m -> assertThat(PRONOUNS).contains(m.text().toLowerCase()));
        }
    }

    @Test
    void onlyTheKeptTypesAreReported() {
        assertThat(fidanMentions).extracting(EntityMention::type).isSubsetOf(CoreNlpPipeline.KEPT_TYPES);
        // "Azeri" is MISC and "two" a NUMBER for CoreNLP: neither is kept.
        Seed azeri = Seed.read("001_37f67198f4bc57ab.txt");
        assertThat(azeri.text()).contains("Azeri");
        assertThat(pipeline.parse(azeri.text(), azeri.publishedAt()).mentions())
                .extracting(EntityMention::type).isSubsetOf(CoreNlpPipeline.KEPT_TYPES)
                .doesNotContain("MISC", "NUMBER");
    }

    @Test
    void relativeDatesAreResolvedAgainstThePublicationDate() {
        Seed seed = Seed.read("001_37f67198f4bc57ab.txt");
        assertThat(pipeline.parse(seed.text(), seed.publishedAt()).mentions())
                .filteredOn(m -> m.text().equals("Saturday"))
                .singleElement()
                .satisfies(m -> assertThat(m.entityId()).isEqualTo("date:2021-06-26"));
    }

    @Test
    void slugsAreLowerCaseWithoutAccentsOrPunctuation() {
        assertThat(CoreNlpPipeline.slug("Hakan Fidan")).isEqualTo("hakan-fidan");
        assertThat(CoreNlpPipeline.slug("Türkiye")).isEqualTo("turkiye");
        assertThat(CoreNlpPipeline.slug("$5 billion")).isEqualTo("5-billion");
        assertThat(CoreNlpPipeline.entityId("STATE_OR_PROVINCE", "Punjab")).isEqualTo("state_or_province:punjab");
    }
}
