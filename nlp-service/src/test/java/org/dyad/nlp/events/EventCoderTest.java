package org.dyad.nlp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.EventActor;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;
import org.junit.jupiter.api.Test;

/** The coder's rules on short sentences: mode, date, dyads, and which sentences get parsed at all. */
class EventCoderTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2024, 3, 6);

    private static List<CodedEvent> code(String text) {
        return SharedModels.coder().code(SharedModels.pipeline().parse(text, PUBLISHED));
    }

    private static CodedEvent only(String text) {
        List<CodedEvent> events = code(text);
        assertThat(events).as("events of: %s", text).hasSize(1);
        return events.get(0);
    }

    private static Set<String> countries(List<EventActor> actors) {
        return actors.stream().map(EventActor::country).collect(Collectors.toSet());
    }

    @Test
    void pastActionOccurred() {
        CodedEvent e = only("Pakistan signed an agreement with Russia on Monday.");
        assertThat(e.cameoCode()).isEqualTo("057");
        assertThat(e.mode()).isEqualTo(EventCoder.OCCURRED);
        assertThat(countries(e.sources())).containsExactly("PAK");
        assertThat(countries(e.targets())).containsExactly("RUS");
        // Monday before a Wednesday publication date.
        assertThat(e.date()).isEqualTo(LocalDate.of(2024, 3, 4));
    }

    @Test
    void willAndPlansToArePlanned() {
        assertThat(only("Pakistan will sign an agreement with Russia.").mode()).isEqualTo(EventCoder.PLANNED);
        assertThat(only("Pakistan plans to sign an agreement with Russia.").mode()).isEqualTo(EventCoder.PLANNED);
    }

    @Test
    void negatedActionIsDenied() {
        assertThat(only("Pakistan did not sign the agreement with Russia.").mode()).isEqualTo(EventCoder.DENIED);
    }

    @Test
    void conditionalOrPossibleActionIsHypothetical() {
        assertThat(only("Pakistan could sign an agreement with Russia.").mode()).isEqualTo(EventCoder.HYPOTHETICAL);
        assertThat(code("If India attacked Pakistan, China would respond.")).filteredOn(e -> e.cameoCode().startsWith("18"))
                .singleElement().satisfies(e -> assertThat(e.mode()).isEqualTo(EventCoder.HYPOTHETICAL));
    }

    @Test
    void withoutADateInTheSentenceTheEventTakesThePublicationDate() {
        assertThat(only("Pakistan signed an agreement with Russia.").date()).isEqualTo(PUBLISHED);
    }

    @Test
    void conjoinedPartiesOfASymmetricActionAreAllSourcesAndTargets() {
        CodedEvent e = only("India, Pakistan and China held talks in Moscow.");
        assertThat(e.cameoCode()).isEqualTo("040");
        assertThat(countries(e.sources())).containsExactlyInAnyOrder("IND", "PAK", "CHN");
        assertThat(countries(e.targets())).containsExactlyInAnyOrder("IND", "PAK", "CHN");
    }

    @Test
    void passiveVoiceSwapsSourceAndTarget() {
        CodedEvent e = only("Iran was criticized by France.");
        assertThat(e.cameoCode()).startsWith("11");
        assertThat(countries(e.sources())).containsExactly("FRA");
        assertThat(countries(e.targets())).containsExactly("IRN");
    }

    @Test
    void actionWithoutAnActorIsNoEvent() {
        assertThat(code("The talks were long and the weather was cold.")).isEmpty();
    }

    @Test
    void onlySentencesWithAnActionWordAndAnActorAreParsed() {
        List<Integer> parsedSentences = new ArrayList<>();
        DependencyParser real = CoreNlpDependencyParser.overExistingTags();
        EventCoder coder = new EventCoder(new DictionaryCountryResolver(), tokens -> {
            parsedSentences.add(tokens.get(0).sentence());
            return real.parse(tokens);
        });
        ParsedText parsed = SharedModels.pipeline().parse(
                "The weather was fine.\nPakistan and Turkey are old friends.\nTurkey praised Pakistan.\n"
                        + "The talks were long.", PUBLISHED);
        List<CodedEvent> events = coder.code(parsed);
        // Sentence 1 has actors but no action word, sentence 3 an action word but no actor.
        assertThat(parsedSentences).containsExactly(2);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.cameoCode()).isEqualTo("051"));
    }

    @Test
    void aSentenceRepeatedInTheArticleIsCodedOnce() {
        List<CodedEvent> events = code("Turkey praised Pakistan.\nTurkey praised Pakistan.\nTurkey praised Pakistan.");
        assertThat(events).singleElement().satisfies(e -> assertThat(e.sentence()).isZero());
    }

    @Test
    void theParserSeesTheSameTokensTheArticleHas() {
        ParsedText parsed = SharedModels.pipeline().parse("Russia hosted a delegation from Pakistan.", PUBLISHED);
        List<Token> tokens = parsed.tokensOf(0);
        DependencyParse parse = CoreNlpDependencyParser.overExistingTags().parse(tokens);
        assertThat(parse.size()).isEqualTo(tokens.size());
        int roots = 0;
        for (int i = 0; i < parse.size(); i++) {
            roots += parse.head(i) < 0 ? 1 : 0;
        }
        assertThat(roots).isEqualTo(1);
        assertThat(parse.lemma(parse.children(1, "nsubj").get(0))).isEqualTo("russia");
    }

    @Test
    void aTitleHolderNamedAfterAnOfficeAndARankActsInTheOffice() {
        // "Defence Minister General (retd) Mohamed Zaki": office, rank, a parenthetical, then the name. The holder is
        // the person, in the office written first (not the rank next to the name), for the state before it.
        CodedEvent e = only("India's foreign minister held a meeting with Egypt's Defence Minister General (retd) "
                + "Mohamed Zaki in Cairo.");
        assertThat(e.cameoCode()).isEqualTo("040");
        assertThat(e.targets()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Mohamed Zaki");
            assertThat(t.country()).isEqualTo("EGY");
            assertThat(t.role()).isEqualTo("Defence Minister");
        });
    }

    @Test
    void theOfficeBeforeARankIsTheRole() {
        assertThat(only("The Indian delegation held talks with Nepal's Army Chief General Prabhu Ram Sharma in "
                + "Kathmandu.").targets()).singleElement().satisfies(t -> {
                    assertThat(t.country()).isEqualTo("NPL");
                    assertThat(t.role()).isEqualTo("Chief of Army Staff");
                });
    }
}
