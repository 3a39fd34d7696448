package org.dyad.nlp.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.EventActor;
import org.dyad.contracts.Sentence;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;

/**
 * Codes who did what to whom in one parsed article: CAMEO-coded events with their actors, mode, date and the
 * evidence offsets. Dependency-parses only the sentences that hold an action word of the dictionary and an actor,
 * matches the verb patterns over the parse and resolves the arguments to the article's entity mentions.
 * Thread-safe; the parser model and the dictionaries are loaded once, in the constructor (~2 s).
 */
public final class EventCoder {

    static final String OCCURRED = "occurred";
    static final String PLANNED = "planned";
    /**
     * Internal to the coder, never in its output: the purpose of a past act ("met … to sign an agreement"), which
     * {@link #reconciled} makes {@link #OCCURRED} when the article also reports the act as done, else {@link #PLANNED}.
     */
    static final String PURPOSE_OF_PAST_ACT = "purpose-of-past-act";
    static final String DENIED = "denied";
    static final String HYPOTHETICAL = "hypothetical";

    private static final java.util.regex.Pattern DAY_OR_MONTH =
            java.util.regex.Pattern.compile("^(\\d{4})-(\\d{2})(?:-(\\d{2}))?$");

    private final CameoCodebook codebook;
    private final VerbPatterns patterns;
    private final DependencyParser parser;
    private final CountryResolver countries;

    /** The coder with CoreNLP's dependency parser over the pipeline's own tokens and the Phoenix country names. */
    public EventCoder() {
        this(new DictionaryCountryResolver());
    }

    public EventCoder(CountryResolver countries) {
        this(countries, CoreNlpDependencyParser.overExistingTags());
    }

    EventCoder(CountryResolver countries, DependencyParser parser) {
        this.codebook = new CameoCodebook();
        this.patterns = new VerbPatterns(codebook);
        this.parser = parser;
        this.countries = countries;
    }

    /** A coder that re-tokenises and re-tags each chosen sentence before parsing it (for the speed bench only). */
    static EventCoder retagging(CountryResolver countries) {
        return new EventCoder(countries, CoreNlpDependencyParser.retagging());
    }

    /** The events of one article, in sentence order; a sentence the article repeats word for word is coded once. */
    public List<CodedEvent> code(ParsedText parsed) {
        Article article = new Article(parsed, countries);
        Set<String> seenSentences = new HashSet<>();
        List<CodedEvent> events = new ArrayList<>();
        for (Sentence sentence : parsed.sentences()) {
            List<Token> tokens = article.tokens(sentence.index());
            if (tokens.isEmpty() || !worthParsing(article, sentence.index(), tokens)) {
                continue;
            }
            String normalised = parsed.text().substring(sentence.start(), sentence.end()).strip()
                    .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (!seenSentences.add(normalised)) {
                continue;
            }
            DependencyParse parse = parser.parse(headlineVerbs(article, sentence.index(), tokens));
            events.addAll(new SentenceCoder(article, sentence.index(), parse).code());
        }
        return reconciled(events, parsed.publishedAt());
    }

    /**
     * One act the article reports twice, once as done and once as the purpose of a past act ("Pakistan, Russia sign
     * … pact" in the headline, "the defence ministers met on Thursday to sign an agreement" in the body), is one act
     * that happened: a purpose report of the same code between the same source and target entities as an occurred
     * report is coded occurred, and the reports share one date (the one a report dates in its own clause rather
     * than by the article's date). Without an occurred report, or when the reports are dated on two different days
     * (two acts, perhaps), the purpose stays a plan. So the read model counts the act once, with every sentence as
     * its evidence; a plan proper ("will soon begin") is never merged.
     */
    static List<CodedEvent> reconciled(List<CodedEvent> events, LocalDate published) {
        Map<String, List<CodedEvent>> byAct = new LinkedHashMap<>();
        for (CodedEvent e : events) {
            byAct.computeIfAbsent(act(e), k -> new ArrayList<>()).add(e);
        }
        List<CodedEvent> out = new ArrayList<>(events.size());
        for (CodedEvent e : events) {
            List<CodedEvent> same = byAct.get(act(e)).stream()
                    .filter(r -> r.mode().equals(OCCURRED) || r.mode().equals(PURPOSE_OF_PAST_ACT)).toList();
            boolean done = same.stream().anyMatch(r -> r.mode().equals(OCCURRED));
            boolean purpose = same.stream().anyMatch(r -> r.mode().equals(PURPOSE_OF_PAST_ACT));
            Set<LocalDate> ownDates = new TreeSet<>();
            same.stream().map(CodedEvent::date)
                    .filter(d -> d != null && !d.equals(published)).forEach(ownDates::add);
            boolean merge = done && purpose && ownDates.size() <= 1 && same.contains(e);
            String mode = e.mode().equals(PURPOSE_OF_PAST_ACT) ? (merge ? OCCURRED : PLANNED) : e.mode();
            LocalDate date = merge && !ownDates.isEmpty() ? ownDates.iterator().next() : e.date();
            out.add(mode.equals(e.mode()) && java.util.Objects.equals(date, e.date()) ? e
                    : new CodedEvent(e.id(), e.sources(), e.targets(), e.cameoCode(), e.cameoName(), e.quadClass(),
                            e.goldstein(), e.ploverType(), e.ploverMode(), e.trigger(), e.triggerStart(),
                            e.triggerEnd(), mode, date, e.sentence(), e.confidence()));
        }
        return List.copyOf(out);
    }

    /** The act a report is of: its code and the entities on each side. */
    private static String act(CodedEvent e) {
        return e.cameoCode() + "|" + new TreeSet<>(e.sources().stream().map(EventActor::entityId).toList())
                + "|" + new TreeSet<>(e.targets().stream().map(EventActor::entityId).toList());
    }

    /**
     * Headlines have no verb the tagger can see ("Pakistan, Russia sign 'milestone' military cooperation pact":
     * "sign" is tagged NN). In a sentence without any verb, a word the dictionary knows as a verb that directly
     * follows an actor is re-tagged as a present-tense verb before parsing.
     */
    private List<Token> headlineVerbs(Article article, int sentence, List<Token> tokens) {
        if (tokens.stream().anyMatch(t -> t.pos() != null && t.pos().startsWith("VB"))) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens);
        for (int i = 1; i < out.size(); i++) {
            Token t = out.get(i);
            Token before = out.get(i - 1);
            if (t.pos() != null && t.pos().startsWith("NN") && !patterns.candidates("VBP", lemma(t)).isEmpty()
                    && article.isActorToken(sentence, before)) {
                String verbLemma = patterns.verbLemma(t.word());
                out.set(i, new Token(t.index(), t.sentence(), t.word(), t.start(), t.end(), "VBP",
                        verbLemma == null ? lemma(t) : verbLemma, t.ner(), t.normalized()));
                break;
            }
        }
        return out;
    }

    /** A sentence is parsed only when it has an action word and something that can be an actor. */
    private boolean worthParsing(Article article, int sentence, List<Token> tokens) {
        boolean action = false;
        boolean actor = article.hasActorMention(sentence);
        for (Token t : tokens) {
            action |= patterns.isActionWord(t.pos(), lemma(t));
            actor |= Words.PRONOUNS.contains(lemma(t)) || Words.COLLECTIVE_HEADS.contains(lemma(t));
        }
        return action && actor;
    }

    static String lemma(Token t) {
        return t.lemma() == null ? t.word().toLowerCase(Locale.ROOT) : t.lemma();
    }

    /** Word lists the coder's rules use. */
    static final class Words {
        static final Set<String> PRONOUNS = Set.of("he", "him", "his", "she", "her", "it", "its", "they", "them",
                "their");
        static final Set<String> PERSON_PRONOUNS = Set.of("he", "him", "his", "she", "her");
        static final Set<String> COLLECTIVE_HEADS = Set.of("country", "nation", "side", "state", "government",
                "partner", "leader", "minister", "neighbour", "neighbor", "ally", "capital");
        static final Set<String> TARGET_CASES = Set.of("with", "to", "on", "against", "for", "from", "toward",
                "towards", "between", "at", "upon");
        static final Set<String> CLAUSAL = Set.of("ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "punct",
                "dep", "nsubj", "nsubj:pass");
        static final Set<String> PLAN_VERBS = Set.of("plan", "aim", "expect", "intend", "seek", "prepare",
                "schedule", "set", "want", "hope", "propose", "decide", "pledge", "vow", "promise", "wish", "agree",
                "begin", "start", "go", "offer", "look");
        static final Set<String> PLANNED_AUX = Set.of("will", "shall", "'ll", "wo");
        static final Set<String> HYPOTHETICAL_AUX = Set.of("could", "would", "might", "may", "can", "should", "ca");
        static final Set<String> NEGATIONS = Set.of("not", "never", "n't", "no");
        static final Set<String> PLANNED_ADJECTIVES = Set.of("planned", "upcoming", "proposed", "future",
                "forthcoming", "next", "scheduled", "expected", "possible", "potential");

        private Words() {
        }
    }

    /** What one article offers every sentence: its tokens by sentence, mentions, entities and main countries. */
    private static final class Article {
        final ParsedText parsed;
        final CountryResolver countries;
        final List<List<Token>> tokensBySentence = new ArrayList<>();
        final List<EntityMention> actorMentions = new ArrayList<>();
        final Map<Integer, List<EntityMention>> actorMentionsBySentence = new HashMap<>();
        final Map<Integer, List<EntityMention>> titleMentionsBySentence = new HashMap<>();
        final Map<String, Entity> entities = new HashMap<>();
        final List<String> countriesByWeight;
        final Map<String, Entity> entityByCountry = new LinkedHashMap<>();

        Article(ParsedText parsed, CountryResolver countries) {
            this.parsed = parsed;
            this.countries = countries;
            for (int i = 0; i < parsed.sentences().size(); i++) {
                tokensBySentence.add(new ArrayList<>());
            }
            for (Token t : parsed.tokens()) {
                if (t.sentence() >= 0 && t.sentence() < tokensBySentence.size()) {
                    tokensBySentence.get(t.sentence()).add(t);
                }
            }
            parsed.entities().forEach(e -> entities.put(e.id(), e));
            Map<String, Integer> weight = new LinkedHashMap<>();
            for (EntityMention m : parsed.mentions()) {
                if (m.type().equals("TITLE")) {
                    titleMentionsBySentence.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(m);
                }
                if (!isActorType(m.type())) {
                    continue;
                }
                String iso = placeCountry(m);
                if (m.type().equals("LOCATION") && iso == null) {
                    // A LOCATION acts only when it names a state ("Turkiye" is often tagged LOCATION).
                    continue;
                }
                actorMentions.add(m);
                actorMentionsBySentence.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(m);
                if (iso != null) {
                    weight.merge(iso, 1, Integer::sum);
                    Entity e = entities.get(m.entityId());
                    Entity known = entityByCountry.get(iso);
                    if (e != null && (known == null || rank(e.type()) < rank(known.type()))) {
                        entityByCountry.put(iso, e);
                    }
                }
            }
            personContext();
            List<String> order = new ArrayList<>(weight.keySet());
            // Most mentioned first; LinkedHashMap order (first mention) breaks ties, List.sort is stable.
            order.sort(Comparator.comparingInt((String iso) -> -weight.get(iso)));
            this.countriesByWeight = List.copyOf(order);
        }

        /**
         * What may stand between a title, a state and a name of one noun phrase: a possessive, "of (the)", and a
         * short parenthetical of the news style ("General (retd) Hulusi Akar", "Lt Gen (r)").
         */
        static final String TITLE_GAP = "\\s*('s|’s|of|of the)?\\s*(\\([^()\\n]{1,12}\\)\\s*)?";

        final Map<String, String> personCountry = new HashMap<>();
        final Map<String, String> personRole = new HashMap<>();

        /**
         * "Turkish Foreign Minister Hakan Fidan", "Turkey's Defence Minister Yasir Guler": the titles and the state
         * written right before a person's name give the person's role and country for the whole article, so a later
         * "Fidan" acts for Turkey too.
         */
        private void personContext() {
            List<EntityMention> all = parsed.mentions();
            for (int k = 0; k < all.size(); k++) {
                EntityMention person = all.get(k);
                if (!person.type().equals("PERSON")) {
                    continue;
                }
                int edge = person.start();
                String role = null;
                for (int j = k - 1; j >= 0; j--) {
                    EntityMention before = all.get(j);
                    String gap = parsed.text().substring(Math.min(before.end(), edge), edge);
                    if (before.sentence() != person.sentence() || !gap.matches(TITLE_GAP)) {
                        break;
                    }
                    if (before.type().equals("TITLE")) {
                        // "Defence Minister General (retd) Hulusi Akar": walking back, the office written first
                        // replaces the rank written next to the name.
                        role = before.name();
                    } else if (before.type().equals("COUNTRY") || before.type().equals("NATIONALITY")) {
                        String iso = placeCountry(before);
                        if (iso != null) {
                            personCountry.putIfAbsent(person.entityId(), iso);
                        }
                    } else {
                        break;
                    }
                    edge = before.start();
                }
                if (role != null) {
                    personRole.putIfAbsent(person.entityId(), role);
                }
            }
        }

        private static int rank(String type) {
            return switch (type) {
                case "COUNTRY" -> 0;
                case "NATIONALITY" -> 1;
                default -> 2;
            };
        }

        static boolean isActorType(String type) {
            return switch (type) {
                case "PERSON", "ORGANIZATION", "COUNTRY", "NATIONALITY", "CITY", "STATE_OR_PROVINCE", "LOCATION" ->
                    true;
                default -> false;
            };
        }

        List<Token> tokens(int sentence) {
            return sentence < tokensBySentence.size() ? tokensBySentence.get(sentence) : List.of();
        }

        List<EntityMention> actorMentions(int sentence) {
            return actorMentionsBySentence.getOrDefault(sentence, List.of());
        }

        List<EntityMention> titleMentions(int sentence) {
            return titleMentionsBySentence.getOrDefault(sentence, List.of());
        }

        boolean isActorToken(int sentence, Token t) {
            for (EntityMention m : actorMentions(sentence)) {
                if (m.start() <= t.start() && t.end() <= m.end()) {
                    return true;
                }
            }
            return false;
        }

        boolean hasActorMention(int sentence) {
            return !actorMentions(sentence).isEmpty();
        }

        /** The country of a state, people or place mention: the entity layer's, else the dictionary's. */
        String placeCountry(EntityMention m) {
            Entity e = entities.get(m.entityId());
            if (e != null && e.country() != null) {
                return e.country();
            }
            if (m.type().equals("PERSON") || m.type().equals("ORGANIZATION")) {
                return null;
            }
            String iso = countries.iso3(m.text());
            return iso != null ? iso : countries.iso3(m.name());
        }

        Entity entity(EntityMention m) {
            return entities.get(m.entityId());
        }
    }

    /** An actor found for one argument, and how surely. */
    private record Found(EventActor actor, boolean direct) {
        String key() {
            return actor.entityId() != null ? actor.entityId() : actor.country();
        }
    }

    /** The rules applied to one parsed sentence. */
    private final class SentenceCoder {
        final Article article;
        final int sentence;
        final DependencyParse parse;
        final EntityMention[] actorAt;
        final EntityMention[] titleAt;
        boolean symmetricHint;

        SentenceCoder(Article article, int sentence, DependencyParse parse) {
            this.article = article;
            this.sentence = sentence;
            this.parse = parse;
            this.actorAt = new EntityMention[parse.size()];
            this.titleAt = new EntityMention[parse.size()];
            for (int i = 0; i < parse.size(); i++) {
                Token t = parse.token(i);
                for (EntityMention m : article.actorMentions(sentence)) {
                    if (m.start() <= t.start() && t.end() <= m.end()) {
                        actorAt[i] = m;
                    }
                }
                for (EntityMention m : article.titleMentions(sentence)) {
                    if (m.start() <= t.start() && t.end() <= m.end()) {
                        titleAt[i] = m;
                    }
                }
            }
        }

        List<CodedEvent> code() {
            List<Match> matches = new ArrayList<>();
            for (int i = 0; i < parse.size(); i++) {
                Match best = bestMatch(i);
                if (best != null) {
                    matches.add(best);
                }
            }
            matches.sort(Comparator.comparingInt((Match m) -> -m.pattern().specificity())
                    .thenComparingInt(Match::trigger));
            Set<Integer> consumed = new HashSet<>();
            Map<String, Integer> idCount = new HashMap<>();
            Set<String> seen = new HashSet<>();
            List<CodedEvent> events = new ArrayList<>();
            for (Match m : matches) {
                if (consumed.contains(m.trigger())) {
                    continue;
                }
                consumed.addAll(m.used());
                CodedEvent event = event(m, idCount);
                if (event == null) {
                    continue;
                }
                String key = event.cameoCode() + "|" + ids(event.sources()) + "|" + ids(event.targets());
                if (seen.add(key)) {
                    events.add(event);
                }
            }
            // "a levy ..., including a 29 percent tariff on Pakistani products": keep the event that has the target.
            events.removeIf(e -> e.targets().isEmpty() && events.stream().anyMatch(o -> o != e
                    && o.cameoCode().equals(e.cameoCode()) && !o.targets().isEmpty()
                    && ids(o.sources()).equals(ids(e.sources()))));
            events.sort(Comparator.comparingInt(CodedEvent::triggerStart));
            return events;
        }

        private String ids(List<EventActor> actors) {
            return new TreeSet<>(actors.stream().map(a -> String.valueOf(a.entityId())).toList()).toString();
        }

        /** A pattern matched at a trigger token, with the tokens it covered (the trigger words and the required ones). */
        private record Match(int trigger, int last, VerbPatterns.Pattern pattern, Set<Integer> used) {
        }

        private Match bestMatch(int i) {
            Token t = parse.token(i);
            Match best = null;
            for (VerbPatterns.Pattern p : patterns.candidates(t.pos(), parse.lemma(i))) {
                Match m = match(i, p);
                if (m != null && (best == null || p.specificity() > best.pattern().specificity())) {
                    best = m;
                }
            }
            return best;
        }

        private Match match(int i, VerbPatterns.Pattern p) {
            Set<Integer> used = new HashSet<>();
            used.add(i);
            int last = i;
            for (int w = 1; w < p.words().size(); w++) {
                int at = i + w;
                if (at >= parse.size() || !parse.lemma(at).equals(p.words().get(w))) {
                    return null;
                }
                used.add(at);
                last = at;
            }
            List<Integer> dependents = dependents(i, 3);
            for (Set<String> group : p.required()) {
                Integer hit = null;
                for (int d : dependents) {
                    if (group.contains(parse.lemma(d)) || group.contains(parse.token(d).word().toLowerCase(Locale.ROOT))) {
                        hit = d;
                        break;
                    }
                }
                if (hit == null) {
                    return null;
                }
                used.add(hit);
            }
            for (int d : dependents) {
                if (p.excluded().contains(parse.lemma(d))) {
                    return null;
                }
            }
            return new Match(i, last, p, used);
        }

        /** Dependents of a token down to the given depth, not across clause boundaries. */
        private List<Integer> dependents(int i, int depth) {
            List<Integer> out = new ArrayList<>();
            collect(i, depth, out);
            return out;
        }

        private void collect(int i, int depth, List<Integer> out) {
            if (depth == 0) {
                return;
            }
            for (int c : parse.children(i)) {
                if (Words.CLAUSAL.contains(parse.relation(c))) {
                    continue;
                }
                out.add(c);
                collect(c, depth - 1, out);
            }
        }

        private CodedEvent event(Match m, Map<String, Integer> idCount) {
            int trigger = m.trigger();
            boolean noun = !parse.token(trigger).pos().startsWith("VB");
            int clause = noun ? governingVerb(trigger) : trigger;
            symmetricHint = hasSymmetricWord(trigger) || (clause >= 0 && hasSymmetricWord(clause));
            List<Found> sources = new ArrayList<>();
            List<Found> targets = new ArrayList<>();
            if (noun) {
                nounArguments(trigger, clause, m.pattern().code(), sources, targets);
            } else {
                verbArguments(trigger, m.pattern().code(), sources, targets);
            }
            dedupe(sources);
            dedupe(targets);
            Set<String> sourceKeys = new HashSet<>();
            sources.forEach(f -> sourceKeys.add(f.key()));
            if (sources.isEmpty()) {
                return null;
            }
            if (sources.size() == 1) {
                targets.removeIf(f -> sourceKeys.contains(f.key()));
            }
            boolean symmetric = false;
            if (targets.isEmpty() && sources.size() >= 2
                    && (symmetricHint || Integer.parseInt(m.pattern().code().substring(0, 2)) <= 8)) {
                // "Pakistan and Russia sign a pact": every party is source and target; the dyads are the pairs.
                targets.addAll(sources);
                symmetric = true;
            }
            if (targets.isEmpty()) {
                Found previous = previousSentenceTarget(trigger, sourceKeys);
                if (previous != null) {
                    targets.add(previous);
                }
            }
            CameoCodebook.Code code = codebook.get(m.pattern().code());
            Token first = parse.token(trigger);
            Token lastToken = parse.token(m.last());
            String text = article.parsed.text();
            String id = "s" + sentence + "-" + code.code();
            int n = idCount.merge(id, 1, Integer::sum);
            if (n > 1) {
                id = id + "-" + n;
            }
            return new CodedEvent(id, sources.stream().map(Found::actor).toList(),
                    targets.stream().map(Found::actor).toList(), code.code(), code.name(), code.quadClass(),
                    code.goldstein(), code.ploverType(), code.ploverMode(), text.substring(first.start(), lastToken.end()),
                    first.start(), lastToken.end(), mode(trigger, clause), date(trigger, clause), sentence,
                    confidence(m, sources, targets, symmetric));
        }

        private boolean hasSymmetricWord(int i) {
            for (int d : dependents(i, 3)) {
                String l = parse.lemma(d);
                if (l.equals("joint") || l.equals("mutual") || l.equals("bilateral") || l.equals("trilateral")
                        || (l.equals("other") && d > 0 && parse.lemma(d - 1).equals("each"))) {
                    return true;
                }
            }
            return false;
        }

        private double confidence(Match m, List<Found> sources, List<Found> targets, boolean symmetric) {
            double c = 0.4;
            c += sources.stream().allMatch(Found::direct) ? 0.25 : 0.1;
            if (!targets.isEmpty()) {
                c += targets.stream().allMatch(Found::direct) ? 0.2 : 0.05;
            }
            if (symmetric) {
                c -= 0.05;
            }
            c += Math.min(0.15, 0.05 * (m.pattern().specificity() - 1));
            return Math.round(Math.max(0.05, Math.min(1.0, c)) * 100) / 100.0;
        }

        // ---- arguments

        private void verbArguments(int v, String code, List<Found> sources, List<Found> targets) {
            boolean passive = !parse.children(v, "nsubj:pass").isEmpty() || !parse.children(v, "aux:pass").isEmpty();
            if (passive) {
                for (int s : parse.children(v, "nsubj:pass")) {
                    targets.addAll(actorsOf(s, Set.of()));
                }
                for (int c : parse.children(v, "obl")) {
                    if (parse.relation(c).equals("obl:agent") || parse.caseOf(c).equals("by")) {
                        sources.addAll(actorsOf(c, Set.of()));
                    }
                }
            } else {
                for (int subject : subjectsOf(v)) {
                    sources.addAll(actorsOf(subject, Set.of()));
                }
            }
            sources.addAll(companions(v));
            Set<String> exclude = keys(sources);
            for (int c : parse.children(v)) {
                String rel = parse.relation(c);
                if (rel.equals("obj") || rel.equals("iobj")) {
                    List<Found> direct = actorsOf(c, exclude);
                    if (direct.isEmpty()) {
                        // "appreciated Russia's overtures", "signed an agreement with Russia"
                        for (int cc : parse.children(c)) {
                            String r = parse.relation(cc);
                            if (r.equals("nmod:poss") || (r.startsWith("nmod") && Words.TARGET_CASES.contains(parse.caseOf(cc)))) {
                                direct.addAll(actorsOf(cc, exclude));
                            }
                        }
                    }
                    targets.addAll(direct);
                } else if (rel.startsWith("obl") && !rel.equals("obl:agent") && !rel.equals("obl:tmod")) {
                    String prep = parse.caseOf(c);
                    if (Words.TARGET_CASES.contains(prep) || (isVisit(code) && prep.equals("in"))) {
                        targets.addAll(actorsOf(c, exclude));
                    }
                }
            }
        }

        private void nounArguments(int n, int verb, String code, List<Found> sources, List<Found> targets) {
            for (int c : parse.children(n)) {
                String rel = parse.relation(c);
                if (rel.equals("nmod:poss") || rel.equals("amod") || rel.equals("compound")) {
                    sources.addAll(actorsOf(c, Set.of()));
                }
            }
            Set<String> exclude = keys(sources);
            for (int c : parse.children(n)) {
                String rel = parse.relation(c);
                if (rel.startsWith("nmod") && !rel.equals("nmod:poss")) {
                    String prep = parse.caseOf(c);
                    if (prep.equals("by")) {
                        // "tariffs imposed by US President Donald Trump"
                        sources.addAll(actorsOf(c, Set.of()));
                    } else if (prep.equals("between") || prep.equals("among")) {
                        // "talks between the two ministers": the parties are on both sides.
                        List<Found> parties = actorsOf(c, Set.of());
                        sources.addAll(parties);
                        symmetricHint = true;
                    } else if (Words.TARGET_CASES.contains(prep) || (isVisit(code) && prep.equals("in"))) {
                        targets.addAll(actorsOf(c, exclude));
                    }
                }
            }
            if (verb < 0) {
                return;
            }
            int arg = argumentNoun(n, verb);
            String rel = parse.relation(arg);
            // "held talks", "landed ... for a visit"; not "during his visit, X will meet Y" (the visit is X's own).
            boolean argumentOfVerb = rel.equals("obj") || rel.equals("nsubj:pass") || rel.equals("xcomp")
                    || (rel.startsWith("obl") && parse.caseOf(arg).equals("for"));
            if (!argumentOfVerb) {
                return;
            }
            if (sources.isEmpty()) {
                if (rel.equals("nsubj:pass")) {
                    for (int c : parse.children(verb, "obl")) {
                        if (parse.caseOf(c).equals("by")) {
                            sources.addAll(actorsOf(c, Set.of()));
                        }
                    }
                } else {
                    for (int subject : subjectsOf(verb)) {
                        sources.addAll(actorsOf(subject, Set.of()));
                    }
                }
            }
            if (targets.isEmpty()) {
                Set<String> ex = keys(sources);
                for (int c : parse.children(verb)) {
                    if (c == arg) {
                        continue;
                    }
                    String r = parse.relation(c);
                    if (r.startsWith("obl") && !r.equals("obl:tmod")) {
                        String prep = parse.caseOf(c);
                        if (Words.TARGET_CASES.contains(prep) || (isVisit(code) && prep.equals("in"))) {
                            targets.addAll(actorsOf(c, ex));
                        }
                    } else if ((r.equals("iobj") || r.equals("obj")) && !rel.equals("obj")) {
                        targets.addAll(actorsOf(c, ex));
                    }
                }
            }
        }

        /** "X, along with Y, will meet Z": Y acts with X. */
        private List<Found> companions(int v) {
            List<Found> out = new ArrayList<>();
            for (int a : parse.children(v, "advmod")) {
                String l = parse.lemma(a);
                if (l.equals("along") || l.equals("together")) {
                    for (int o : parse.children(a)) {
                        if (parse.relation(o).startsWith("obl") || parse.relation(o).startsWith("nmod")) {
                            out.addAll(actorsOf(o, Set.of()));
                        }
                    }
                }
            }
            return out;
        }

        private boolean isVisit(String code) {
            return code.equals("042");
        }

        /** The verb a noun trigger is an argument of ("held talks", "landed ... for a visit"), or -1. */
        private int governingVerb(int n) {
            int at = n;
            for (int step = 0; step < 3; step++) {
                int h = parse.head(at);
                if (h < 0) {
                    return -1;
                }
                if (parse.token(h).pos().startsWith("VB")) {
                    return step == 0 || parse.relation(at).equals("obj") ? h : -1;
                }
                // "announced a levy ..., including a 29 percent tariff on ...": the tariff is the levy's.
                String rel = parse.relation(at);
                if (!(rel.equals("nmod") || rel.equals("conj") || rel.equals("appos"))) {
                    return -1;
                }
                at = h;
            }
            // "the signing of the agreement" under "is a milestone": no verb of its own.
            return -1;
        }

        /** The noun (n itself, or the noun it hangs from) that is the governing verb's argument. */
        private int argumentNoun(int n, int verb) {
            int at = n;
            while (parse.head(at) >= 0 && parse.head(at) != verb) {
                at = parse.head(at);
            }
            return at;
        }

        /** All subjects of the verb's clause ("Pakistan, Russia sign ..." has two, headlines lack the "and"). */
        private List<Integer> subjectsOf(int v) {
            int s = subjectOf(v);
            if (s < 0) {
                return List.of();
            }
            int h = parse.head(s);
            if (h < 0 || !parse.relation(s).startsWith("nsubj")) {
                return List.of(s);
            }
            return parse.children(h, "nsubj");
        }

        /** The subject of a verb, inherited through xcomp, conj, purpose clauses and relative clauses. */
        private int subjectOf(int v) {
            for (int guard = 0; v >= 0 && guard < 6; guard++) {
                List<Integer> subjects = parse.children(v, "nsubj");
                if (!subjects.isEmpty()) {
                    int s = subjects.get(0);
                    String l = parse.lemma(s);
                    if ((l.equals("who") || l.equals("which") || l.equals("that"))
                            && parse.relation(v).equals("acl:relcl")) {
                        return parse.head(v);
                    }
                    return s;
                }
                String rel = parse.relation(v);
                if (rel.equals("acl:relcl") || rel.equals("acl")) {
                    return -1;
                }
                if (rel.equals("xcomp") || rel.equals("conj") || (rel.equals("advcl") && hasMarkTo(v))) {
                    v = parse.head(v);
                } else {
                    return -1;
                }
            }
            return -1;
        }

        private boolean hasMarkTo(int v) {
            for (int c : parse.children(v, "mark")) {
                if (parse.lemma(c).equals("to")) {
                    return true;
                }
            }
            return false;
        }

        private Set<String> keys(List<Found> found) {
            Set<String> keys = new HashSet<>();
            found.forEach(f -> keys.add(f.key()));
            return keys;
        }

        private void dedupe(List<Found> found) {
            Set<String> seen = new HashSet<>();
            found.removeIf(f -> !seen.add(f.key()));
        }

        /** The actors an argument names: the head and its conjuncts, or the states that modify a generic head. */
        private List<Found> actorsOf(int head, Set<String> exclude) {
            List<Found> out = new ArrayList<>();
            for (int c : conjuncts(head)) {
                if (Words.COLLECTIVE_HEADS.contains(parse.lemma(c))) {
                    List<Found> parties = collective(c);
                    if (!parties.isEmpty()) {
                        out.addAll(parties);
                        continue;
                    }
                }
                Found f = actorAtHead(c, exclude);
                if (f == null && titleAt[c] != null) {
                    // "Defence Minister Yasir Guler" parsed with the title as head: the person is the actor.
                    for (int d : parse.children(c)) {
                        EntityMention dm = actorAt[d];
                        if (dm != null && dm.type().equals("PERSON")) {
                            f = new Found(actor(dm), true);
                        }
                    }
                    if (f == null) {
                        // "Defence Minister General (retd) Hulusi Akar": the parser often hangs the name elsewhere
                        // after a run of titles or a parenthetical; the name written right after them is the holder.
                        EntityMention holder = nameAfterTitles(titleAt[c]);
                        if (holder != null) {
                            f = new Found(actor(holder), true);
                        }
                    }
                }
                if (f != null) {
                    out.add(f);
                    continue;
                }
                // "the defence ministers of Pakistan and Russia", "Pakistan's top commander", "Turkish companies"
                String role = roleWord(c);
                for (int m : parse.children(c)) {
                    String rel = parse.relation(m);
                    boolean modifier = rel.equals("nmod:poss") || rel.equals("amod") || rel.equals("compound")
                            || (rel.equals("nmod") && parse.caseOf(m).equals("of"));
                    if (!modifier) {
                        continue;
                    }
                    for (int mc : conjuncts(m)) {
                        Found g = actorAtHead(mc, exclude);
                        if (g != null) {
                            EventActor a = g.actor();
                            out.add(new Found(new EventActor(a.entityId(), a.name(), a.type(), a.country(),
                                    a.role() != null ? a.role() : role, a.start(), a.end()), g.direct()));
                        }
                    }
                }
            }
            return out;
        }

        /** A title the generic head carries ("Defence Minister"), for the role of the state that modifies it. */
        private String roleWord(int c) {
            EntityMention title = titleAt[c];
            return title == null ? null : office(title);
        }

        /**
         * The office of a run of titles written one after the other: the first of them. News style puts the office
         * before the rank or honorific ("Defence Minister General Hulusi Akar", "Army Chief General Asim Munir"),
         * and the parser makes the last word the head, so the head's own title would be the rank.
         */
        private String office(EntityMention title) {
            EntityMention first = title;
            List<EntityMention> titles = article.titleMentions(sentence);
            for (int k = titles.indexOf(title) - 1; k >= 0; k--) {
                EntityMention before = titles.get(k);
                if (!article.parsed.text().substring(Math.min(before.end(), first.start()), first.start()).isBlank()) {
                    break;
                }
                first = before;
            }
            return first.name();
        }

        /** The PERSON mention written right after the run of titles that holds this one, or null. */
        private EntityMention nameAfterTitles(EntityMention title) {
            String text = article.parsed.text();
            int end = title.end();
            for (EntityMention t : article.titleMentions(sentence)) {
                if (t.start() >= end && text.substring(end, t.start()).matches(Article.TITLE_GAP)) {
                    end = t.end();
                }
            }
            for (EntityMention m : article.actorMentions(sentence)) {
                if (m.type().equals("PERSON") && m.start() >= end && text.substring(end, m.start()).matches(Article.TITLE_GAP)) {
                    return m;
                }
            }
            return null;
        }

        private List<Integer> conjuncts(int head) {
            List<Integer> out = new ArrayList<>();
            out.add(head);
            for (int i = 0; i < out.size() && out.size() < 12; i++) {
                for (int c : parse.children(out.get(i))) {
                    String rel = parse.relation(c);
                    if (rel.equals("conj") || rel.equals("appos")) {
                        out.add(c);
                    }
                }
            }
            return out;
        }

        private Found actorAtHead(int i, Set<String> exclude) {
            EntityMention m = actorAt[i];
            if (m != null) {
                return new Found(actor(m), true);
            }
            String lemma = parse.lemma(i);
            String pos = parse.token(i).pos();
            if (pos != null && pos.startsWith("PRP") && Words.PRONOUNS.contains(lemma)) {
                return pronoun(i, lemma, exclude);
            }
            return null;
        }

        private EventActor actor(EntityMention m) {
            Entity e = article.entity(m);
            String country = article.placeCountry(m);
            String role = null;
            boolean agent = m.type().equals("PERSON") || m.type().equals("ORGANIZATION");
            // a role is a person's or an organisation's; a country acts in none of its own
            if (agent && e != null && !e.roles().isEmpty()) {
                role = e.roles().get(0).title();
                if (country == null) {
                    country = e.roles().get(0).country();
                }
            }
            if (m.type().equals("PERSON")) {
                country = country != null ? country : article.personCountry.get(m.entityId());
                role = role != null ? role : article.personRole.get(m.entityId());
            }
            if (m.type().equals("PERSON") || m.type().equals("ORGANIZATION")) {
                int head = headTokenOf(m);
                if (head >= 0) {
                    for (int d : dependents(head, 3)) {
                        EntityMention dm = actorAt[d];
                        if (country == null && dm != null && dm != m && !dm.type().equals("PERSON")
                                && !dm.type().equals("ORGANIZATION")) {
                            country = article.placeCountry(dm);
                        }
                        if (role == null && titleAt[d] != null) {
                            role = office(titleAt[d]);
                        }
                    }
                }
            }
            if (!agent) {
                // "Turkey's Defence Minister" with no name: the country acts, in the office that governs it
                int head = headTokenOf(m);
                int governor = head >= 0 ? parse.head(head) : -1;
                if (governor >= 0 && titleAt[governor] != null) {
                    role = office(titleAt[governor]);
                }
            }
            return new EventActor(m.entityId(), m.name(), m.type(), country, role, m.start(), m.end());
        }

        private int headTokenOf(EntityMention m) {
            for (int i = 0; i < parse.size(); i++) {
                if (actorAt[i] == m) {
                    int h = parse.head(i);
                    if (h < 0 || actorAt[h] != m) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** "it", "they", "he": the nearest earlier actor of the fitting kind, within this and the two previous sentences. */
        private Found pronoun(int i, String lemma, Set<String> exclude) {
            boolean person = Words.PERSON_PRONOUNS.contains(lemma);
            int at = parse.token(i).start();
            List<EntityMention> mentions = article.actorMentions;
            for (int k = mentions.size() - 1; k >= 0; k--) {
                EntityMention m = mentions.get(k);
                if (m.start() >= at || m.sentence() < sentence - 2) {
                    continue;
                }
                boolean fits = person ? m.type().equals("PERSON")
                        : m.type().equals("COUNTRY") || m.type().equals("ORGANIZATION");
                if (!fits) {
                    continue;
                }
                EventActor a = actor(m);
                if ((a.entityId() != null && exclude.contains(a.entityId()))
                        || (a.country() != null && exclude.contains(a.country()))) {
                    continue;
                }
                Token t = parse.token(i);
                return new Found(new EventActor(a.entityId(), a.name(), a.type(), a.country(), a.role(), t.start(),
                        t.end()), false);
            }
            return null;
        }

        /** "Rubio praised these efforts": the first state named in the previous sentence that is not the source. */
        private Found previousSentenceTarget(int trigger, Set<String> sourceKeys) {
            boolean anaphoric = false;
            for (int c : parse.children(trigger)) {
                if (parse.relation(c).equals("obj")) {
                    for (int d : parse.children(c, "det")) {
                        String l = parse.lemma(d);
                        anaphoric |= l.equals("these") || l.equals("this") || l.equals("those") || l.equals("such");
                    }
                }
            }
            if (!anaphoric || sentence == 0) {
                return null;
            }
            for (EntityMention m : article.actorMentions(sentence - 1)) {
                if (m.type().equals("COUNTRY")) {
                    EventActor a = actor(m);
                    if (!sourceKeys.contains(a.entityId()) && !sourceKeys.contains(a.country())) {
                        return new Found(a, false);
                    }
                }
            }
            return null;
        }

        // ---- collective noun phrases

        /** "both countries", "the three nations": the article's N most mentioned states. */
        private List<Found> collective(int head) {
            int n = 0;
            for (int c : parse.children(head)) {
                String l = parse.lemma(c);
                String rel = parse.relation(c);
                if (l.equals("both") || l.equals("two") || l.equals("2")) {
                    n = 2;
                } else if (l.equals("three") || l.equals("3")) {
                    n = 3;
                } else if (l.equals("four") || l.equals("4")) {
                    n = 4;
                } else if (rel.equals("amod") && (l.equals("bilateral"))) {
                    n = 2;
                } else if (rel.equals("amod") && l.equals("trilateral")) {
                    n = 3;
                }
            }
            if (n == 0 || article.countriesByWeight.size() < n) {
                return List.of();
            }
            int start = parse.token(head).start();
            for (int c : parse.children(head)) {
                start = Math.min(start, parse.token(c).start());
            }
            int end = parse.token(head).end();
            List<Found> out = new ArrayList<>();
            for (String iso : article.countriesByWeight.subList(0, n)) {
                Entity e = article.entityByCountry.get(iso);
                out.add(new Found(new EventActor(e == null ? null : e.id(), e == null ? iso : e.name(),
                        e == null ? "COUNTRY" : e.type(), iso, null, start, end), false));
            }
            return out;
        }

        // ---- mode and date

        private String mode(int trigger, int clause) {
            List<Integer> chain = new ArrayList<>();
            int top = clause >= 0 ? clause : trigger;
            if (clause >= 0 && clause != trigger) {
                chain.add(trigger);
            }
            chain.add(top);
            for (int guard = 0; guard < 5; guard++) {
                String rel = parse.relation(top);
                if ((rel.equals("xcomp") || rel.equals("conj") || (rel.equals("advcl") && hasMarkTo(top)))
                        && parse.head(top) >= 0) {
                    top = parse.head(top);
                    chain.add(top);
                } else {
                    break;
                }
            }
            boolean denied = false;
            boolean hypothetical = false;
            boolean planned = false;
            boolean purpose = false;
            boolean pastGovernor = false;
            for (int i = 0; i < chain.size(); i++) {
                int node = chain.get(i);
                for (int c : parse.children(node)) {
                    String rel = parse.relation(c);
                    String l = parse.lemma(c);
                    String w = parse.token(c).word().toLowerCase(Locale.ROOT);
                    if ((rel.equals("advmod") || rel.equals("det") || rel.equals("neg")) && Words.NEGATIONS.contains(w)) {
                        denied = true;
                    } else if (rel.equals("aux") && Words.HYPOTHETICAL_AUX.contains(w)) {
                        hypothetical = true;
                    } else if (rel.equals("aux") && Words.PLANNED_AUX.contains(w)) {
                        planned = true;
                    } else if (rel.equals("mark") && (l.equals("if") || l.equals("unless") || l.equals("whether"))) {
                        hypothetical = true;
                    } else if (rel.equals("amod") && i == 0 && Words.PLANNED_ADJECTIVES.contains(l)) {
                        planned = true;
                    } else if (rel.equals("mark") && l.equals("to")) {
                        // "met ... to sign an agreement", "will meet ... to hold talks": the purpose is still ahead.
                        purpose = true;
                    }
                }
                String pos = parse.token(node).pos();
                pastGovernor |= i > 0 && pos != null && pos.equals("VBD");
                if (i > 0 && node != chain.get(i - 1) && Words.PLAN_VERBS.contains(parse.lemma(node))
                        && parse.relation(chain.get(i - 1)).equals("xcomp")) {
                    planned = true;
                }
                if (parse.lemma(node).equals("deny") && i > 0) {
                    denied = true;
                }
            }
            int governor = parse.head(top);
            if (governor >= 0 && parse.lemma(governor).equals("deny")) {
                denied = true;
            }
            if (denied) {
                return DENIED;
            }
            if (hypothetical) {
                return HYPOTHETICAL;
            }
            if (planned) {
                return PLANNED;
            }
            // the purpose of a past act ("met on Thursday to sign"): planned, unless the article says it was done
            return purpose ? (pastGovernor ? PURPOSE_OF_PAST_ACT : PLANNED) : OCCURRED;
        }

        /** The date of the event's own clause (a DATE it dominates), else the publication date. */
        private LocalDate date(int trigger, int clause) {
            int top = clause >= 0 ? clause : trigger;
            for (int i = 0; i < parse.size(); i++) {
                Token t = parse.token(i);
                if (!"DATE".equals(t.ner()) || t.normalized() == null) {
                    continue;
                }
                if (parse.dominates(top, i) || parse.dominates(trigger, i)) {
                    LocalDate d = parseDate(t.normalized());
                    if (d != null) {
                        return d;
                    }
                }
            }
            return article.parsed.publishedAt();
        }
    }

    /** "2021-09-26", "2021-09" (the first of the month); anything vaguer ("2014", "PAST_REF", "XXXX-WXX-4") is no date. */
    static LocalDate parseDate(String normalized) {
        java.util.regex.Matcher m = DAY_OR_MONTH.matcher(normalized);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
