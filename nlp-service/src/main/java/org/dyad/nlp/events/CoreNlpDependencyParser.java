package org.dyad.nlp.events;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.dyad.nlp.pipeline.Token;

/**
 * CoreNLP's neural dependency parser ({@code depparse}, English UD model from the models jar) over the tokens and
 * POS tags the pipeline already has, so a sentence is never tokenised or tagged twice. The alternative, a
 * {@code tokenize,ssplit,pos,depparse} pipeline over the sentence text, is kept for the speed bench
 * ({@link #retagging()}).
 */
final class CoreNlpDependencyParser implements DependencyParser {

    private final StanfordCoreNLP corenlp;
    private final boolean retag;

    private CoreNlpDependencyParser(Properties props, boolean retag) {
        this.corenlp = new StanfordCoreNLP(props);
        this.retag = retag;
    }

    /** Parses the existing tokens and tags: the parser alone, its input requirements not enforced. */
    static CoreNlpDependencyParser overExistingTags() {
        Properties props = new Properties();
        props.setProperty("annotators", "depparse");
        props.setProperty("enforceRequirements", "false");
        return new CoreNlpDependencyParser(props, false);
    }

    /** Tokenises, tags and parses the sentence text again (only for comparing speed). */
    static CoreNlpDependencyParser retagging() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,depparse");
        props.setProperty("ssplit.isOneSentence", "true");
        return new CoreNlpDependencyParser(props, true);
    }

    @Override
    public DependencyParse parse(List<Token> sentence) {
        return retag ? parseText(sentence) : parseTokens(sentence);
    }

    private DependencyParse parseTokens(List<Token> sentence) {
        List<CoreLabel> labels = new ArrayList<>(sentence.size());
        for (int i = 0; i < sentence.size(); i++) {
            Token t = sentence.get(i);
            CoreLabel label = new CoreLabel();
            label.setWord(t.word());
            label.setValue(t.word());
            label.setOriginalText(t.word());
            label.setTag(t.pos());
            label.setLemma(t.lemma());
            label.setIndex(i + 1);
            label.setSentIndex(0);
            label.setBeginPosition(t.start());
            label.setEndPosition(t.end());
            labels.add(label);
        }
        CoreMap coreSentence = new ArrayCoreMap();
        coreSentence.set(CoreAnnotations.TokensAnnotation.class, labels);
        coreSentence.set(CoreAnnotations.SentenceIndexAnnotation.class, 0);
        Annotation annotation = new Annotation("");
        annotation.set(CoreAnnotations.TokensAnnotation.class, labels);
        annotation.set(CoreAnnotations.SentencesAnnotation.class, List.of(coreSentence));
        corenlp.annotate(annotation);
        return toParse(sentence, coreSentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class),
                sentence.size());
    }

    private DependencyParse parseText(List<Token> sentence) {
        // Offsets are relative to the sentence text; tokens are matched back by position.
        int base = sentence.get(0).start();
        StringBuilder text = new StringBuilder();
        for (Token t : sentence) {
            while (text.length() < t.start() - base) {
                text.append(' ');
            }
            text.append(t.word());
        }
        Annotation annotation = new Annotation(text.toString());
        corenlp.annotate(annotation);
        CoreMap coreSentence = annotation.get(CoreAnnotations.SentencesAnnotation.class).get(0);
        List<CoreLabel> labels = coreSentence.get(CoreAnnotations.TokensAnnotation.class);
        SemanticGraph graph = coreSentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        // Map the re-tokenised indices onto ours by start offset; a token CoreNLP split differently keeps no head.
        int[] ours = new int[labels.size() + 1];
        Arrays.fill(ours, -1);
        for (int i = 0, j = 0; i < labels.size(); i++) {
            int start = labels.get(i).beginPosition() + base;
            while (j < sentence.size() && sentence.get(j).start() < start) {
                j++;
            }
            if (j < sentence.size() && sentence.get(j).start() == start) {
                ours[i + 1] = j;
            }
        }
        int[] heads = new int[sentence.size()];
        String[] relations = new String[sentence.size()];
        Arrays.fill(heads, -1);
        Arrays.fill(relations, "dep");
        for (SemanticGraphEdge edge : graph.edgeIterable()) {
            int dep = ours[edge.getDependent().index()];
            int gov = ours[edge.getGovernor().index()];
            if (dep >= 0) {
                heads[dep] = gov;
                relations[dep] = edge.getRelation().toString();
            }
        }
        for (IndexedWord root : graph.getRoots()) {
            int r = ours[root.index()];
            if (r >= 0) {
                relations[r] = "root";
            }
        }
        return new DependencyParse(sentence, heads, relations);
    }

    private static DependencyParse toParse(List<Token> sentence, SemanticGraph graph, int n) {
        int[] heads = new int[n];
        String[] relations = new String[n];
        Arrays.fill(heads, -1);
        Arrays.fill(relations, "dep");
        if (graph != null) {
            for (SemanticGraphEdge edge : graph.edgeIterable()) {
                int dep = edge.getDependent().index() - 1;
                heads[dep] = edge.getGovernor().index() - 1;
                relations[dep] = edge.getRelation().toString();
            }
            for (IndexedWord root : graph.getRoots()) {
                relations[root.index() - 1] = "root";
            }
        }
        return new DependencyParse(sentence, heads, relations);
    }
}
