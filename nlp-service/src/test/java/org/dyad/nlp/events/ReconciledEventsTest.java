package org.dyad.nlp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.EventActor;
import org.junit.jupiter.api.Test;

class ReconciledEventsTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2021, 5, 28);
    private static final LocalDate THURSDAY = LocalDate.of(2021, 5, 27);
    private static final String PURPOSE = EventCoder.PURPOSE_OF_PAST_ACT;
    private static final EventActor PAK = new EventActor("country:PAK", "Pakistan", "COUNTRY", "PAK", null, 0, 8);
    private static final EventActor RUS = new EventActor("country:RUS", "Russia", "COUNTRY", "RUS", null, 10, 16);
    private static final EventActor TUR = new EventActor("country:TUR", "Turkey", "COUNTRY", "TUR", null, 10, 16);

    private static CodedEvent event(String id, String code, List<EventActor> sources, List<EventActor> targets,
            String mode, LocalDate date, int sentence) {
        return new CodedEvent(id, sources, targets, code, "name", 1, 8.0, "AGREE", null, "sign", 0, 4, mode, date,
                sentence, 0.8);
    }

    @Test
    void thePurposeOfAPastActThatTheArticleReportsAsDoneIsThatAct() {
        // headline "Pakistan, Russia sign pact" (dated by the article), body "met on Thursday to sign an agreement"
        CodedEvent headline = event("s0-057", "057", List.of(PAK, RUS), List.of(RUS, PAK), "occurred", PUBLISHED, 0);
        CodedEvent body = event("s3-057", "057", List.of(RUS, PAK), List.of(PAK, RUS), PURPOSE, THURSDAY, 3);
        List<CodedEvent> out = EventCoder.reconciled(List.of(headline, body), PUBLISHED);
        assertThat(out).extracting(CodedEvent::mode).containsExactly("occurred", "occurred");
        assertThat(out).extracting(CodedEvent::date).containsExactly(THURSDAY, THURSDAY);
        assertThat(out).extracting(CodedEvent::id).containsExactly("s0-057", "s3-057");
        assertThat(out).extracting(CodedEvent::sentence).containsExactly(0, 3);
    }

    @Test
    void aPurposeAloneOrOfAnotherActIsAPlanAndAPlanProperIsNeverMerged() {
        CodedEvent signed = event("s0-057", "057", List.of(PAK), List.of(RUS), "occurred", PUBLISHED, 0);
        CodedEvent otherTarget = event("s2-057", "057", List.of(PAK), List.of(TUR), PURPOSE, THURSDAY, 2);
        CodedEvent otherCode = event("s3-036", "036", List.of(PAK), List.of(RUS), PURPOSE, THURSDAY, 3);
        CodedEvent willSoon = event("s4-057", "057", List.of(PAK), List.of(RUS), "planned", PUBLISHED, 4);
        List<CodedEvent> out = EventCoder.reconciled(List.of(signed, otherTarget, otherCode, willSoon), PUBLISHED);
        assertThat(out).extracting(CodedEvent::mode).containsExactly("occurred", "planned", "planned", "planned");
        assertThat(out).extracting(CodedEvent::date).containsExactly(PUBLISHED, THURSDAY, THURSDAY, PUBLISHED);

        CodedEvent purposeAlone = event("s0-057", "057", List.of(PAK), List.of(RUS), PURPOSE, THURSDAY, 0);
        assertThat(EventCoder.reconciled(List.of(purposeAlone), PUBLISHED)).singleElement()
                .satisfies(e -> assertThat(e.mode()).isEqualTo("planned"));
    }

    @Test
    void reportsDatedOnTwoDaysMayBeTwoActsAndAreNotMerged() {
        LocalDate monday = LocalDate.of(2021, 5, 24);
        CodedEvent signed = event("s0-057", "057", List.of(PAK), List.of(RUS), "occurred", monday, 0);
        CodedEvent purpose = event("s1-057", "057", List.of(PAK), List.of(RUS), PURPOSE, THURSDAY, 1);
        List<CodedEvent> out = EventCoder.reconciled(List.of(signed, purpose), PUBLISHED);
        assertThat(out).extracting(CodedEvent::mode).containsExactly("occurred", "planned");
        assertThat(out).extracting(CodedEvent::date).containsExactly(monday, THURSDAY);
    }

    @Test
    void eventsWithoutAnyPurposeAreReturnedAsTheyAre() {
        CodedEvent a = event("s0-057", "057", List.of(PAK), List.of(RUS), "occurred", PUBLISHED, 0);
        CodedEvent b = event("s1-057", "057", List.of(PAK), List.of(RUS), "occurred", THURSDAY, 1);
        CodedEvent c = event("s2-057", "057", List.of(PAK), List.of(RUS), "denied", THURSDAY, 2);
        assertThat(EventCoder.reconciled(List.of(a, b, c), PUBLISHED)).containsExactly(a, b, c);
    }
}
