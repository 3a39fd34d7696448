package org.dyad.nlp.events;

import java.util.List;
import org.dyad.contracts.CodedEvent;
import org.dyad.nlp.pipeline.ParsedText;

/** Where the enrichment gets an article's coded events from; the event coder in production. */
@FunctionalInterface
public interface EventSource {

    List<CodedEvent> code(ParsedText parsed);
}
