package org.dyad.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * Who did what to whom, coded in CAMEO and PLOVER, with the evidence. A multi-party event ("Pakistan,
 * Azerbaijan and Turkey will hold joint exercises") is one record whose {@code sources} and {@code targets}
 * imply several dyads.
 *
 * @param id stable id of the event within the article (same sentence and code give the same id)
 * @param sources source actors
 * @param targets target actors
 * @param cameoCode CAMEO code ("036", "1056")
 * @param cameoName CAMEO name
 * @param quadClass 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
 * @param goldstein Goldstein score of the code, -10 to +10
 * @param ploverType PLOVER event type ({@code CONSULT}, {@code AGREE}, ...)
 * @param ploverMode PLOVER mode, or null
 * @param trigger the trigger words
 * @param triggerStart offset of the trigger in the cleaned text
 * @param triggerEnd offset after the trigger
 * @param mode {@code occurred}, {@code planned}, {@code denied} or {@code hypothetical}
 * @param date the event date, resolved against the publication date
 * @param sentence zero-based sentence index of the evidence sentence
 * @param confidence 0 to 1
 */
public record CodedEvent(
        String id,
        List<EventActor> sources,
        List<EventActor> targets,
        String cameoCode,
        String cameoName,
        int quadClass,
        double goldstein,
        String ploverType,
        String ploverMode,
        String trigger,
        int triggerStart,
        int triggerEnd,
        String mode,
        LocalDate date,
        int sentence,
        double confidence) {

    public CodedEvent {
        sources = sources == null ? List.of() : List.copyOf(sources);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
