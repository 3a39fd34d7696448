package org.dyad.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.Sentence;

/**
 * The Stanford CoreNLP implementation of {@link Pipeline}: one {@link StanfordCoreNLP} per instance, built once
 * (it loads ~0.8 GB of models) and shared, since its {@code annotate} is thread-safe.
 */
public final class CoreNlpPipeline implements Pipeline {

    /** Entity types the read model uses; the rest (MISC, NUMBER, DURATION, ...) is noise for now. */
    static final Set<String> KEPT_TYPES = Set.of("PERSON", "ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE",
            "LOCATION", "NATIONALITY", "TITLE", "MONEY", "PERCENT", "DATE");

    private static final String PERSON = "PERSON";

    private final StanfordCoreNLP corenlp;
    private final String version;

    public CoreNlpPipeline(String version) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        // Cleaned articles keep headlines and datelines ("ISLAMABAD:") on lines of their own, without a full stop.
        props.setProperty("ssplit.newlineIsSentenceBreak", "always");
        this.corenlp = new StanfordCoreNLP(props);
        this.version = version;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ParsedText parse(String text, LocalDate publishedAt) {
        Annotation document = new Annotation(text);
        if (publishedAt != null) {
            // SUTime resolves "Wednesday" or "this year" against the document date.
            document.set(CoreAnnotations.DocDateAnnotation.class, publishedAt.toString());
        }
        corenlp.annotate(document);
        List<Sentence> sentences = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        if (coreSentences != null) {
            for (CoreMap sentence : coreSentences) {
                int index = sentences.size();
                sentences.add(new Sentence(index, sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                        sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)));
                for (CoreLabel label : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                    tokens.add(new Token(tokens.size(), index, text.substring(label.beginPosition(), label.endPosition()),
                            label.beginPosition(), label.endPosition(), label.tag(),
                            label.lemma() == null ? null : label.lemma().toLowerCase(Locale.ROOT), label.ner(),
                            label.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class)));
                }
            }
        }
        List<EntityMention> mentions = mentions(text, document.get(CoreAnnotations.MentionsAnnotation.class));
        return new ParsedText(text, publishedAt, sentences, tokens, mentions, entities(mentions));
    }

    private static List<EntityMention> mentions(String text, List<CoreMap> found) {
        if (found == null) {
            return List.of();
        }
        List<Found> kept = new ArrayList<>();
        for (CoreMap mention : found) {
            Found candidate = Found.of(text, mention);
            if (candidate != null) {
                kept.add(candidate);
            }
        }
        Map<String, String> fullNames = fullPersonNamesByLastToken(kept);
        List<EntityMention> mentions = new ArrayList<>(kept.size());
        for (Found f : kept) {
            String name = f.name();
            if (f.type().equals(PERSON) && f.tokenCount() == 1) {
                name = fullNames.getOrDefault(f.lastToken(), name);
            }
            mentions.add(new EntityMention(entityId(f.type(), name), name, f.type(), f.text(), f.start(), f.end(),
                    f.sentence()));
        }
        return List.copyOf(mentions);
    }

    /** One entity per distinct id, in order of first mention, with the surface forms used for it. */
    static List<Entity> entities(List<EntityMention> mentions) {
        Map<String, List<EntityMention>> byId = new LinkedHashMap<>();
        for (EntityMention m : mentions) {
            byId.computeIfAbsent(m.entityId(), id -> new ArrayList<>()).add(m);
        }
        List<Entity> entities = new ArrayList<>(byId.size());
        byId.forEach((id, ms) -> entities.add(new Entity(id, ms.get(0).type(), ms.get(0).name(),
                ms.stream().map(EntityMention::text).distinct().toList(), null, List.of(), ms.size(), false)));
        return entities;
    }

    /**
     * "Fidan" after "Hakan Fidan" is the same person within one article; a surname shared by two different
     * full names is ambiguous and is left alone.
     */
    private static Map<String, String> fullPersonNamesByLastToken(List<Found> kept) {
        Map<String, String> byLastToken = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Found f : kept) {
            if (!f.type().equals(PERSON) || f.tokenCount() < 2) {
                continue;
            }
            String previous = byLastToken.putIfAbsent(f.lastToken(), f.name());
            if (previous != null && !previous.equals(f.name())) {
                ambiguous.add(f.lastToken());
            }
        }
        byLastToken.keySet().removeAll(ambiguous);
        return byLastToken;
    }

    /** The skeleton's entity id, {@code <type>:<slug>}; canonical ids replace it later (ADR 0001). */
    static String entityId(String type, String name) {
        return type.toLowerCase(Locale.ROOT) + ":" + slug(name);
    }

    /** Lower case, accents dropped, every run of other characters than letters and digits turned into one dash. */
    static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        // A name of symbols only ("$") still needs an id that differs from other such names.
        return slug.isEmpty() ? Integer.toHexString(name.hashCode()) : slug;
    }

    /** A CoreNLP entity mention that survived the filters, before its id is chosen. */
    private record Found(String type, String name, String text, int start, int end, int sentence, int tokenCount,
            String lastToken) {

        static Found of(String text, CoreMap mention) {
            String type = mention.get(CoreAnnotations.NamedEntityTagAnnotation.class);
            List<CoreLabel> tokens = mention.get(CoreAnnotations.TokensAnnotation.class);
            Integer start = mention.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            Integer end = mention.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            if (type == null || !KEPT_TYPES.contains(type) || tokens == null || tokens.isEmpty() || start == null
                    || end == null || start < 0 || end > text.length() || start >= end) {
                return null;
            }
            if (type.equals(PERSON) && tokens.stream().allMatch(Found::isPronoun)) {
                // CoreNLP's entity mentions include "he"/"she" as PERSON (for coreference); they name nobody.
                return null;
            }
            // The covered text comes from our own string, so offsets and text agree by construction.
            String covered = text.substring(start, end);
            String name = covered.strip().replaceAll("\\s+", " ");
            String normalized = mention.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (type.equals("DATE") && normalized != null && !normalized.isBlank()) {
                // "Wednesday" and "9 July 2025" are the same date once resolved against the document date.
                name = normalized;
            }
            Integer sentence = mention.get(CoreAnnotations.SentenceIndexAnnotation.class);
            String lastToken = tokens.get(tokens.size() - 1).originalText();
            return new Found(type, name, covered, start, end, sentence == null ? 0 : sentence, tokens.size(),
                    lastToken);
        }

        private static boolean isPronoun(CoreLabel token) {
            String tag = token.tag();
            return tag != null && (tag.startsWith("PRP") || tag.startsWith("WP"));
        }
    }
}
