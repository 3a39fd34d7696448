package org.dyad.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeExpressionExtractor;
import edu.stanford.nlp.time.TimeExpressionExtractorFactory;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.dyad.contracts.Sentence;
import org.dyad.nlp.entities.Dictionaries;
import org.dyad.nlp.entities.EntityLinker;

/**
 * The Stanford CoreNLP implementation of {@link Pipeline}: tokenize, ssplit, pos, lemma and the CRF/numeric
 * {@code ner}, without CoreNLP's slow fine-grained gazetteer pass (our {@link EntityLinker} over curated lists does
 * that work, faster and better), and SUTime run only on the sentences that hold a temporal word. Built once (it
 * loads ~0.4 GB of models); {@code annotate}, the SUTime extractor and the linker are thread-safe, so one instance
 * serves every worker thread.
 */
public final class CoreNlpPipeline implements Pipeline {

    /** Mention types published. */
    public static final Set<String> KEPT_TYPES = EntityLinker.MENTION_TYPES;

    private static final Set<String> TEMPORAL_TAGS = Set.of("DATE", "TIME", "DURATION", "SET");
    /** Words that may start a time expression SUTime would resolve ("Saturday", "earlier today", "last year"). */
    private static final Set<String> TEMPORAL_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
            "yesterday", "tomorrow", "tonight", "ago", "day", "days", "week", "weeks", "weekend", "month", "months",
            "year", "years", "decade", "decades", "century", "hour", "hours", "minute", "minutes", "morning",
            "afternoon", "evening", "night", "quarter", "spring", "summer", "autumn", "fall", "winter", "annual",
            "annually", "daily", "weekly", "monthly", "yearly", "now", "currently", "recently", "earlier", "later",
            "christmas", "ramadan", "eid", "noon", "midnight", "fortnight");
    private static final Pattern YEAR_OR_NUMERIC_DATE = Pattern.compile("(1[5-9]|20)\\d\\d(s|-\\d\\d)?|\\d{1,4}[/.-]\\d{1,2}([/.-]\\d{1,4})?|'\\d\\d");

    private final StanfordCoreNLP corenlp;
    private final TimeExpressionExtractor sutime;
    private final EntityLinker linker;
    private final String version;

    public CoreNlpPipeline(String version) {
        this(version, new Properties());
    }

    /**
     * @param overrides CoreNLP properties on top of ours (the benchmarks read pre-tokenised CoNLL with
     *        {@code tokenize.whitespace=true}, {@code ssplit.eolonly=true})
     */
    public CoreNlpPipeline(String version, Properties overrides) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        // Cleaned articles keep headlines and datelines ("ISLAMABAD:") on lines of their own, without a full stop.
        props.setProperty("ssplit.newlineIsSentenceBreak", "always");
        // The fine-grained regexner pass takes most of ner's time; the EntityLinker replaces it.
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        // SUTime runs below, on the sentences that need it only.
        props.setProperty("ner.useSUTime", "false");
        props.putAll(overrides);
        this.corenlp = new StanfordCoreNLP(props);
        Properties timeProps = new Properties();
        this.sutime = TimeExpressionExtractorFactory.createExtractor("sutime", timeProps);
        this.linker = new EntityLinker(Dictionaries.load(CoreNlpPipeline::words));
        this.version = version;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ParsedText parse(String text, LocalDate publishedAt) {
        Annotation document = new Annotation(text);
        String docDate = publishedAt == null ? null : publishedAt.toString();
        if (docDate != null) {
            document.set(CoreAnnotations.DocDateAnnotation.class, docDate);
        }
        corenlp.annotate(document);
        List<Sentence> sentences = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        if (coreSentences != null) {
            for (CoreMap sentence : coreSentences) {
                int index = sentences.size();
                List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
                if (hasTemporalCue(labels)) {
                    resolveTimes(sentence, labels, docDate);
                }
                sentences.add(new Sentence(index, sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                        sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)));
                for (CoreLabel label : labels) {
                    tokens.add(new Token(tokens.size(), index, text.substring(label.beginPosition(), label.endPosition()),
                            label.beginPosition(), label.endPosition(), label.tag(),
                            label.lemma() == null ? null : label.lemma().toLowerCase(Locale.ROOT), label.ner(),
                            label.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class)));
                }
            }
        }
        EntityLinker.Linked linked = linker.link(text, publishedAt, sentences, tokens);
        return new ParsedText(text, publishedAt, sentences, linked.tokens(), linked.mentions(), linked.entities(),
                linked.nominal());
    }

    private static boolean hasTemporalCue(List<CoreLabel> labels) {
        for (CoreLabel label : labels) {
            if (TEMPORAL_TAGS.contains(label.ner())) {
                return true;
            }
            String w = label.word().toLowerCase(Locale.ROOT);
            if (TEMPORAL_WORDS.contains(w) || YEAR_OR_NUMERIC_DATE.matcher(w).matches()) {
                return true;
            }
        }
        return false;
    }

    /** SUTime on one sentence, anchored on the publication date: tags and normalised values on its tokens. */
    private void resolveTimes(CoreMap sentence, List<CoreLabel> labels, String docDate) {
        List<CoreMap> timexes = sutime.extractTimeExpressionCoreMaps(sentence, docDate);
        if (timexes == null) {
            return;
        }
        // SUTime has the last word on times in this sentence: what the CRF alone called a date is dropped first.
        for (CoreLabel label : labels) {
            if (TEMPORAL_TAGS.contains(label.ner())) {
                label.setNER("O");
                label.remove(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            }
        }
        for (CoreMap found : timexes) {
            Timex timex = found.get(TimeAnnotations.TimexAnnotation.class);
            Integer begin = found.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            Integer end = found.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            if (timex == null || begin == null || end == null || timex.timexType() == null) {
                continue;
            }
            String value = timex.value() != null ? timex.value() : timex.altVal();
            for (CoreLabel label : labels) {
                if (label.beginPosition() >= begin && label.endPosition() <= end) {
                    label.setNER(timex.timexType());
                    label.set(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class, value);
                }
            }
        }
    }

    /** How CoreNLP's tokenizer splits a dictionary spelling, so the gazetteer's words are the text's words. */
    public static List<String> words(String spelling) {
        PTBTokenizer<CoreLabel> tokenizer = new PTBTokenizer<>(new StringReader(spelling), new CoreLabelTokenFactory(),
                "invertible");
        List<String> words = new ArrayList<>();
        while (tokenizer.hasNext()) {
            CoreLabel t = tokenizer.next();
            words.add(spelling.substring(t.beginPosition(), t.endPosition()));
        }
        return words;
    }
}
