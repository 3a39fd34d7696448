package org.dyad.nlp.events;

import java.util.List;
import org.dyad.nlp.pipeline.Token;

/** Parses the dependencies of one sentence whose tokens the pipeline already produced; thread-safe. */
interface DependencyParser {

    DependencyParse parse(List<Token> sentence);
}
